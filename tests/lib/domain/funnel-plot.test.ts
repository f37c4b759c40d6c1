import { describe, expect, it } from 'vitest';
import { funnelCurve, funnelLimits } from '@/lib/domain/funnel-plot';
import { floorVerdict, wilsonInterval } from '@/lib/domain/wilson';

describe('funnelLimits (95% around the floor)', () => {
  it.each([
    // floor, n, low, high: floor ± 1.96·√(floor(1−floor)/n), clamped to [0, 1]
    [0.13, 100, 0.06408, 0.19592],
    [0.13, 400, 0.09704, 0.16296],
    [0.13, 30, 0.00966, 0.25034],
    [0.13, 10, 0, 0.33844],
    [0.5, 100, 0.40200, 0.59800],
    [0.13, 1, 0, 0.78915],
  ])('floor %s, n %s → %s–%s', (floor, n, low, high) => {
    const limits = funnelLimits(floor, n);
    expect(limits?.low).toBeCloseTo(low, 4);
    expect(limits?.high).toBeCloseTo(high, 4);
  });

  it.each([[0], [-3], [Number.NaN]])('no limits for n = %s', (n) => {
    expect(funnelLimits(0.13, n)).toBeNull();
  });

  it('no limits for a floor outside 0–1', () => {
    expect(funnelLimits(1.3, 50)).toBeNull();
  });

  // A dot lies outside the funnel exactly when its Wilson interval leaves out the floor.
  it.each([[0.13], [0.05], [0.3]])('agrees with the verdict for every count up to n = 120 (floor %s)', (floor) => {
    const disagreements: string[] = [];
    for (let n = 1; n <= 120; n++) {
      const limits = funnelLimits(floor, n);
      for (let sold = 0; sold <= n; sold++) {
        const rate = sold / n;
        const verdict = floorVerdict(wilsonInterval(sold, n), floor);
        if (!limits) continue;
        // Exactly on a limit, floating point decides; everywhere else the two must agree.
        if (Math.abs(rate - limits.low) < 1e-9 || Math.abs(rate - limits.high) < 1e-9) continue;
        const expected = rate < limits.low ? 'below' : rate > limits.high ? 'above' : 'unsure';
        if (expected !== verdict) disagreements.push(`${sold}/${n}: ${verdict}, plot ${expected}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('funnelCurve', () => {
  it('runs from n = 1 to the largest n, narrowing', () => {
    const curve = funnelCurve(0.13, 250);
    expect(curve[0]?.n).toBe(1);
    expect(curve.at(-1)?.n).toBe(250);
    for (let i = 1; i < curve.length; i++) {
      const [a, b] = [curve[i - 1], curve[i]];
      expect(b && a && b.n > a.n && b.high <= a.high && b.low >= a.low).toBe(true);
    }
  });

  it('is empty without leads', () => {
    expect(funnelCurve(0.13, 0)).toEqual([]);
  });
});
