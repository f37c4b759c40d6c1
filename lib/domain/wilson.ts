/**
 * How sure a rate from a small sample is. The Wilson score interval is used rather than the
 * textbook p ± z·√(p(1−p)/n) because the latter collapses to [0, 0] at 0 sales and undercovers
 * at the small counts a single dealer has (tens of leads per source and month).
 */

/** The two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The 95% Wilson interval of `successes` out of `n`; null when there is nothing to estimate. */
export function wilsonInterval(successes: number, n: number, z: number = Z95): Interval | null {
  if (!Number.isFinite(n) || n <= 0 || !Number.isFinite(successes) || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // 0/n and n/n give exactly 0 and 1 in exact arithmetic; floating point leaves noise there.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}

export type Verdict = 'below' | 'above' | 'unsure';

/**
 * A rate against the floor: `below` when the whole interval lies under it, `above` when the
 * whole interval is at or over it, `unsure` when it straddles the floor or there is no data.
 */
export function floorVerdict(interval: Interval | null, floor: number): Verdict {
  if (!interval) return 'unsure';
  if (interval.high < floor) return 'below';
  if (interval.low >= floor) return 'above';
  return 'unsure';
}

/** Under this many leads a rate is marked as a small sample (shown, never hidden). */
export const SMALL_SAMPLE = 30;
export const isSmallSample = (n: number): boolean => n < SMALL_SAMPLE;
