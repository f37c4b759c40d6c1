import { Z95, type Interval } from './wilson';

/**
 * Control limits of a funnel plot around the floor: for a rep with n leads, the conversions
 * that a rep truly converting at the floor would show 95% of the time. They are the Wilson
 * bounds turned around — a conversion lies inside them exactly when its own Wilson interval
 * contains the floor — so a dot outside the funnel is a rep whose verdict is not "can't tell
 * yet", and the plot and the table never disagree.
 */
export function funnelLimits(floor: number, n: number, z: number = Z95): Interval | null {
  if (!Number.isFinite(n) || n <= 0 || !(floor >= 0 && floor <= 1)) return null;
  const half = z * Math.sqrt((floor * (1 - floor)) / n);
  return { low: Math.max(0, floor - half), high: Math.min(1, floor + half) };
}

export interface FunnelPoint extends Interval {
  n: number;
}

/**
 * The funnel's two curves from n = 1 to `maxN`, dense where they bend (small n) and sparse
 * where they flatten, so a chart draws them smoothly with a few dozen points.
 */
export function funnelCurve(floor: number, maxN: number, points = 48): FunnelPoint[] {
  if (!(maxN >= 1)) return [];
  const ns = new Set<number>();
  for (let i = 0; i < points; i++) ns.add(Math.max(1, Math.round(Math.exp((Math.log(maxN) * i) / Math.max(1, points - 1)))));
  ns.add(Math.ceil(maxN));
  return [...ns]
    .sort((a, b) => a - b)
    .flatMap((n) => {
      const limits = funnelLimits(floor, n);
      return limits ? [{ n, ...limits }] : [];
    });
}
