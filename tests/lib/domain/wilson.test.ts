import { floorVerdict, isSmallSample, wilsonInterval } from '@/lib/domain/wilson';

const pct = (n: number) => Math.round(n * 1000) / 10;

describe('wilsonInterval (95%)', () => {
  // Published portal results (one Dutch dealer, six months) and an agency's CarGurus figure,
  // with the intervals as published; plus textbook edge cases.
  it.each([
    ['AutoScout24 6/35', 6, 35, 8.1, 32.7],
    ['Marktplaats 20/172', 20, 172, 7.7, 17.3],
    ['AutoTrack 1/9', 1, 9, 2.0, 43.5],
    ['viaBOVAG 1/12', 1, 12, 1.5, 35.4],
    ['CarGurus 12/139', 12, 139, 5.0, 14.5],
    ['none sold of 10', 0, 10, 0, 27.8],
    ['all sold of 10', 10, 10, 72.2, 100],
    ['half of 100', 50, 100, 40.4, 59.6],
  ])('%s → %s–%s%%', (_name, x, n, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(interval && { low: pct(interval.low), high: pct(interval.high) }).toEqual({ low, high });
  });

  it.each([
    ['no leads', 0, 0],
    ['negative n', 0, -1],
    ['more sold than leads', 5, 4],
    ['negative count', -1, 4],
    ['NaN', Number.NaN, 4],
  ])('%s → null', (_name, x, n) => {
    expect(wilsonInterval(x, n)).toBeNull();
  });

  it('always contains the rate itself', () => {
    for (let n = 1; n <= 60; n++)
      for (let x = 0; x <= n; x++) {
        const interval = wilsonInterval(x, n);
        expect(interval).not.toBeNull();
        if (!interval) continue;
        expect(interval.low).toBeLessThanOrEqual(x / n);
        expect(interval.high).toBeGreaterThanOrEqual(x / n);
        expect(interval.low).toBeGreaterThanOrEqual(0);
        expect(interval.high).toBeLessThanOrEqual(1);
      }
  });
});

describe('floorVerdict', () => {
  it.each([
    ['entirely under', { low: 0.02, high: 0.1 }, 0.13, 'below'],
    ['high just under the floor', { low: 0.02, high: 0.1299 }, 0.13, 'below'],
    ['high exactly at the floor straddles', { low: 0.02, high: 0.13 }, 0.13, 'unsure'],
    ['straddles', { low: 0.05, high: 0.2 }, 0.13, 'unsure'],
    ['low exactly at the floor is at or above', { low: 0.13, high: 0.3 }, 0.13, 'above'],
    ['low just under the floor', { low: 0.1299, high: 0.3 }, 0.13, 'unsure'],
    ['entirely over', { low: 0.2, high: 0.4 }, 0.13, 'above'],
    ['no interval (n = 0)', null, 0.13, 'unsure'],
    ['floor 0: everything is at or above', { low: 0, high: 0.3 }, 0, 'above'],
  ] as const)('%s → %s', (_name, interval, floor, verdict) => {
    expect(floorVerdict(interval, floor)).toBe(verdict);
  });

  it.each([
    // The published portal figures all straddle 13%: none can be ranked against it.
    [6, 35, 'unsure'],
    [20, 172, 'unsure'],
    [1, 9, 'unsure'],
    [1, 12, 'unsure'],
    [12, 139, 'unsure'],
    [10, 200, 'below'],
    [60, 200, 'above'],
  ] as const)('%s of %s against 13%% → %s', (x, n, verdict) => {
    expect(floorVerdict(wilsonInterval(x, n), 0.13)).toBe(verdict);
  });
});

describe('isSmallSample', () => {
  it.each([
    [0, true],
    [29, true],
    [30, false],
    [31, false],
  ])('n = %s → %s', (n, small) => {
    expect(isSmallSample(n)).toBe(small);
  });
});
