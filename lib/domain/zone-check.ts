import { tzOffset } from '@date-fns/tz';

/**
 * Does the CRM page's own time evidence fit the dealer zone CRM times are read in?
 *
 * CRMs print wall-clock times without a zone; Leadpace reads them in the dealer zone. When that
 * zone is wrong every lead's clock is off by the difference between the two zones, which is a
 * whole number of hours (or a half or quarter hour, for zones such as Asia/Kolkata). A page
 * often tells the truth somewhere: a wall time printed beside a machine timestamp of the same
 * moment, a creation time that would lie in the future, "3 hours ago" beside an absolute time.
 *
 * Each sample bounds the difference between the page's zone offset and the dealer's, in
 * minutes (positive: the page's clock runs ahead of the dealer zone's). The bounds of all
 * samples are intersected: contradicting evidence, or too little of it, gives no verdict, so
 * the rep is never told the zone is wrong on a hunch.
 */

/** A zone-less wall time as the page prints it (month 1–12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export type ZoneSample =
  /** A printed wall time and a machine timestamp (ISO with offset, epoch) of the same moment. */
  | { kind: 'paired'; wall: WallTime; instant: number }
  /** A printed wall time and the page's "x ago" for the same moment, which lies within [minAgoMs, maxAgoMs]. */
  | { kind: 'relative'; wall: WallTime; minAgoMs: number; maxAgoMs: number }
  /** A lead's creation time: it cannot lie after `now` in the page's own zone. */
  | { kind: 'created'; wall: WallTime };

export type ZoneVerdict =
  | { kind: 'unknown'; reason: 'too-thin' | 'contradicting' | 'not-a-zone-step' }
  | { kind: 'agrees' }
  | {
      kind: 'disagrees';
      /** The page's offset minus the dealer zone's, when the evidence pins it; else null. */
      offsetMinutes: number | null;
      /** The smallest difference the evidence allows, in minutes (same sign as the difference). */
      atLeastMinutes: number;
      /** True when the difference is a whole number of hours (pinned or not: a lower bound of whole hours). */
      wholeHours: boolean;
      /** Zones (of `candidates`) whose offset fits every sample, preferred zones first. */
      fittingZones: string[];
    };

export interface ZoneCheckInput {
  samples: readonly ZoneSample[];
  dealerZone: string;
  now: number;
  /** Zones to test for a fit; defaults to every zone the engine knows. */
  candidates?: readonly string[];
  /** Zones listed first when they fit (the browser's own, say). */
  preferred?: readonly string[];
}

const MINUTE = 60_000;
// A wall time printed to the minute beside a timestamp with seconds differs by up to a minute.
const SLACK_MINUTES = 2;
// Zone offsets are whole quarter hours; UTC−12 … UTC+14 apart at most.
const ZONE_STEP = 15;
const MAX_DIFFERENCE = 26 * 60;
// One sample may be a coincidence (a timestamp of another moment); two that agree are evidence.
const MIN_SAMPLES = 2;
const MAX_FITTING = 5;

/** The wall time's fields as if they were UTC, in ms (the "local" epoch of that wall time). */
export const wallAsUtc = (wall: WallTime): number => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

/** The instant a wall time denotes in `timeZone` (at a DST gap or overlap: the offset before the wall time's instant). */
function instantIn(wall: WallTime, timeZone: string): number {
  const local = wallAsUtc(wall);
  // Two passes settle the offset at the wall time's own instant, DST transitions included.
  const first = local - tzOffset(timeZone, new Date(local)) * MINUTE;
  return local - tzOffset(timeZone, new Date(first)) * MINUTE;
}

interface Bounds {
  lo: number;
  hi: number;
}

/** Bounds on (page offset − dealer offset) in minutes from one sample, or null when unusable. */
function boundsOf(sample: ZoneSample, dealerZone: string, now: number): Bounds | null {
  if (sample.kind === 'paired') {
    // The page's offset is its wall time minus the instant; the dealer's is taken at that same
    // instant, so a wall time in the hour a DST change repeats is no ambiguity here.
    const dealer = offsetMinutesAt(dealerZone, sample.instant);
    if (dealer === null) return null;
    const d = (wallAsUtc(sample.wall) - sample.instant) / MINUTE - dealer;
    return Number.isFinite(d) ? { lo: d - SLACK_MINUTES, hi: d + SLACK_MINUTES } : null;
  }
  const readAs = instantIn(sample.wall, dealerZone);
  if (!Number.isFinite(readAs)) return null;
  switch (sample.kind) {
    case 'relative': {
      const { minAgoMs, maxAgoMs } = sample;
      if (!(minAgoMs >= 0 && maxAgoMs >= minAgoMs)) return null;
      // The true instant is now − ago; the page's wall time read in its own zone gives it.
      return { lo: (readAs - now + minAgoMs) / MINUTE - SLACK_MINUTES, hi: (readAs - now + maxAgoMs) / MINUTE + SLACK_MINUTES };
    }
    case 'created': {
      // Created before now in the page's zone: readAs − difference ≤ now. Only a creation time
      // at least an hour ahead says anything; a little ahead is a clock that runs fast.
      const ahead = (readAs - now) / MINUTE;
      return ahead >= 60 - SLACK_MINUTES ? { lo: ahead, hi: MAX_DIFFERENCE } : { lo: -MAX_DIFFERENCE, hi: MAX_DIFFERENCE };
    }
  }
}

function offsetMinutesAt(timeZone: string, instant: number): number | null {
  try {
    const offset = tzOffset(timeZone, new Date(instant));
    return Number.isFinite(offset) ? offset : null;
  } catch {
    return null;
  }
}

/** Does `zone` explain every sample (its offset minus the dealer's inside each sample's bounds)? */
function fits(zone: string, samples: readonly Entry[], dealerZone: string): boolean {
  return samples.every(({ sample, bounds }) => {
    // The moment the sample is about, near enough for offsets: zones change offset rarely.
    const at = sample.kind === 'paired' ? sample.instant : instantIn(sample.wall, zone);
    const page = offsetMinutesAt(zone, at);
    const dealer = offsetMinutesAt(dealerZone, at);
    if (page === null || dealer === null) return false;
    const d = page - dealer;
    return d >= bounds.lo && d <= bounds.hi;
  });
}

function allZones(): readonly string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The whole zone step within a minute and a half of the middle of `bounds`, or null. */
function zoneStepIn({ lo, hi }: Bounds): number | null {
  const middle = (lo + hi) / 2;
  const step = Math.round(middle / ZONE_STEP) * ZONE_STEP;
  return Math.abs(step - middle) <= 1.5 ? step : null;
}

const isExact = ({ lo, hi }: Bounds) => hi - lo <= 2 * SLACK_MINUTES + 1;

/** The bounds every sample allows at once, or null when they exclude each other. */
function intersect(all: readonly Bounds[]): Bounds | null {
  const lo = Math.max(...all.map((b) => b.lo));
  const hi = Math.min(...all.map((b) => b.hi));
  return lo <= hi ? { lo, hi } : null;
}

/** The sample about the latest moment: what the page shows now matters most. */
function latest(entries: readonly Entry[], dealerZone: string): Entry | undefined {
  const at = ({ sample }: Entry) => (sample.kind === 'paired' ? sample.instant : instantIn(sample.wall, dealerZone));
  return entries.reduce<Entry | undefined>((best, entry) => (!best || at(entry) > at(best) ? entry : best), undefined);
}

type Entry = { sample: ZoneSample; bounds: Bounds };

/**
 * The difference is a property of the page's zone, not a constant: a Chicago page is 7 hours
 * behind Amsterdam in November and 6 in mid-March. So samples from different dates are
 * consistent when one zone explains them all, even if their differences are not the same.
 */
export function checkDealerZone({ samples, dealerZone, now, candidates, preferred = [] }: ZoneCheckInput): ZoneVerdict {
  const usable = samples
    .map((sample) => ({ sample, bounds: boundsOf(sample, dealerZone, now) }))
    .filter((entry): entry is Entry => entry.bounds !== null);
  if (usable.length < MIN_SAMPLES) return { kind: 'unknown', reason: 'too-thin' };
  const informative = usable.filter(({ bounds }) => bounds.hi - bounds.lo < 2 * MAX_DIFFERENCE);
  if (informative.length === 0) return { kind: 'unknown', reason: 'too-thin' };
  if (usable.every(({ bounds }) => bounds.lo <= 0 && bounds.hi >= 0)) {
    // Only loose samples (an "x hours ago" spans an hour) that allow no difference: no verdict.
    return usable.some(({ bounds }) => isExact(bounds)) ? { kind: 'agrees' } : { kind: 'unknown', reason: 'too-thin' };
  }
  const zones = candidates ?? allZones();
  const fitting = zones.filter((zone) => zone !== dealerZone && fits(zone, usable, dealerZone));
  const together = intersect(usable.map(({ bounds }) => bounds));
  if (!together && fitting.length === 0) return { kind: 'unknown', reason: 'contradicting' };
  // One figure to tell the rep: what all samples allow, else the latest sample's own.
  const shown = together ?? latest(usable.filter(({ bounds }) => isExact(bounds)), dealerZone)?.bounds ?? null;
  if (!shown) return { kind: 'unknown', reason: 'contradicting' };
  const pinned = isExact(shown) ? zoneStepIn(shown) : null;
  if (isExact(shown) && pinned === null) return { kind: 'unknown', reason: 'not-a-zone-step' };
  if (pinned === 0) return { kind: 'agrees' };
  const atLeast = shown.lo > 0 ? Math.ceil(shown.lo / ZONE_STEP) * ZONE_STEP : Math.floor(shown.hi / ZONE_STEP) * ZONE_STEP;
  const first = preferred.filter((zone) => fitting.includes(zone));
  const ordered = [...first, ...fitting.filter((zone) => !first.includes(zone))].slice(0, MAX_FITTING);
  const difference = pinned ?? atLeast;
  return {
    kind: 'disagrees',
    offsetMinutes: pinned,
    atLeastMinutes: difference,
    wholeHours: difference % 60 === 0,
    fittingZones: ordered,
  };
}

/** The wall time `instant` shows in `timeZone` (how a zone-less page would print it there). */
export function wallTimeIn(instant: number, timeZone: string): WallTime | null {
  const offset = offsetMinutesAt(timeZone, instant);
  if (offset === null) return null;
  const local = new Date(instant + offset * MINUTE);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}
