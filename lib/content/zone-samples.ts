import { parseCrmDate } from '../adapters/parse-date';
import type { WallTime, ZoneSample } from '../domain/zone-check';

/**
 * Collects the page's own evidence of the zone its times are printed in, for any CRM: an
 * element whose text is a zone-less wall time and which also carries a machine timestamp of
 * the same moment (`<time datetime>`, Salesforce's `lightning-formatted-date-time value`, a
 * `title` or `data-*` ISO or epoch value), "3 hours ago" printed beside (or as the title of) a
 * zone-less wall time, and an age in brackets after it (eLead's "11/26/2026 9:42 AM (2 hrs)").
 * Frame CRMs (eLead, VinSolutions) print lead times in same-origin frames inside the document
 * the panel runs in (eLead's history tab), so those frames are read too. Bounded: a few hundred
 * elements per document, a few documents, short texts only.
 */

const CANDIDATES =
  'time[datetime], lightning-formatted-date-time[value], [title], [data-timestamp], [data-time], [data-datetime], ' +
  '[data-date], [data-created], [data-created-at], [data-utc], [data-epoch], [data-ts], [data-value]';
const MAX_ELEMENTS = 400;
const MAX_SAMPLES = 12;
const MAX_TEXT = 60;
/** The document itself and same-origin frames at most two levels down. */
const MAX_DOCUMENTS = 6;
const MAX_FRAME_DEPTH = 2;
// Cells and inline elements whose own text may be "wall time (age)"; the age is what makes it evidence.
const AGE_CANDIDATES = 'td, dd, span, li';
const INLINE_AGE = /^(.*?\d(?:\s*[ap]\.?m\.?|[ap])?)\s*\(\s*(\d+\s*(?:hrs?|hours?|mins?|minutes?|h|m))\s*\)$/i;
// "11/24/2026 10:12 AM CST (2d 4h)": a wall time that names the zone it is printed in.
const NAMED_ZONE = /^(.*?\d(?:\s*[ap]\.?m\.?)?)\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|MEZ|MESZ)\b\s*(?:\([^)]{0,20}\))?$/i;

// An instant that names its own zone: ISO with Z or an offset, or a Unix epoch.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const EPOCH = /^\d{10}(?:\d{3})?$/;
// A wall time must show the time of day: a date alone would be read as midnight.
const TIME_OF_DAY = /\d{1,2}[:.hu]\d{2}|\d\s*(?:am|pm|a\.m\.|p\.m\.)/i;
const YEAR_2000 = Date.UTC(2000, 0, 1);
const YEAR_2100 = Date.UTC(2100, 0, 1);

const HOUR = 3_600_000;
const MINUTE = 60_000;
// "x minutes ago" and "x hours ago" are precise enough; days are not.
const RELATIVE_UNITS: readonly [RegExp, number][] = [
  [/\b(?:min|mins|minute|minutes|minuten|minuut|minutes?)\b|\bm\b/i, MINUTE],
  [/\b(?:uur|uren|hour|hours|hr|hrs|stunde|stunden|heure|heures|h)\b/i, HOUR],
];

/** A machine timestamp, or null. */
export function machineInstant(value: string | null | undefined): number | null {
  const text = value?.trim();
  if (!text) return null;
  let at: number;
  if (EPOCH.test(text)) at = Number(text) * (text.length === 10 ? 1000 : 1);
  else if (ISO_WITH_ZONE.test(text)) at = Date.parse(text.replace(' ', 'T'));
  else return null;
  return Number.isFinite(at) && at > YEAR_2000 && at < YEAR_2100 ? at : null;
}

/**
 * The wall time a text prints when it prints one without a zone, else null. Parsed in two zones
 * far apart: a text that names its own zone ("9:12 AM EST", an ISO offset) or is relative
 * ("3 hours ago") gives the same instant in both, and so is no zone-less wall time.
 */
export function zonelessWall(text: string, now: Date): WallTime | null {
  if (text.length === 0 || text.length > MAX_TEXT || !TIME_OF_DAY.test(text)) return null;
  const asUtc = parseCrmDate(text, { now, timeZone: 'UTC' });
  const asKiritimati = parseCrmDate(text, { now, timeZone: 'Pacific/Kiritimati' });
  if (!asUtc || !asKiritimati || asUtc.getTime() === asKiritimati.getTime()) return null;
  return {
    year: asUtc.getUTCFullYear(),
    month: asUtc.getUTCMonth() + 1,
    day: asUtc.getUTCDate(),
    hour: asUtc.getUTCHours(),
    minute: asUtc.getUTCMinutes(),
  };
}

/** "3 hours ago" as the span it allows, else null. */
export function relativeAgo(text: string, now: Date): { minAgoMs: number; maxAgoMs: number } | null {
  if (text.length === 0 || text.length > MAX_TEXT) return null;
  const unit = RELATIVE_UNITS.find(([pattern]) => pattern.test(text))?.[1];
  if (!unit) return null;
  const a = parseCrmDate(text, { now, timeZone: 'UTC' });
  const b = parseCrmDate(text, { now, timeZone: 'Pacific/Kiritimati' });
  if (!a || !b || a.getTime() !== b.getTime()) return null;
  const ago = now.getTime() - a.getTime();
  if (!(ago >= 0) || ago > 2 * 24 * HOUR) return null;
  // CRMs round or floor "x ago": allow a unit either side.
  return { minAgoMs: Math.max(0, ago - unit), maxAgoMs: ago + unit };
}

const ownText = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function machineOf(el: Element): number | null {
  if (el.localName === 'time') return machineInstant(el.getAttribute('datetime'));
  if (el.localName === 'lightning-formatted-date-time') return machineInstant(el.getAttribute('value'));
  for (const attr of Array.from(el.attributes)) {
    if (attr.name === 'title' || attr.name.startsWith('data-')) {
      const at = machineInstant(attr.value);
      if (at !== null) return at;
    }
  }
  return null;
}

/** A neighbour's "x ago" for a wall time, from its title or the element beside it. */
function agoNear(el: Element, now: Date): { minAgoMs: number; maxAgoMs: number } | null {
  const texts = [el.getAttribute('title'), el.nextElementSibling && ownText(el.nextElementSibling), el.previousElementSibling && ownText(el.previousElementSibling)];
  for (const text of texts) {
    const ago = text ? relativeAgo(text, now) : null;
    if (ago) return ago;
  }
  return null;
}

function sampleOf(el: Element, now: Date): ZoneSample | null {
  const text = ownText(el);
  const wall = zonelessWall(text, now);
  if (wall) {
    const instant = machineOf(el);
    if (instant !== null) return { kind: 'paired', wall, instant };
    const ago = agoNear(el, now);
    if (ago) return { kind: 'relative', wall, ...ago };
    return null;
  }
  // "3 hours ago" shown, the absolute time in its title.
  const titleWall = zonelessWall(el.getAttribute('title')?.trim() ?? '', now);
  const ago = titleWall ? relativeAgo(text, now) : null;
  return titleWall && ago ? { kind: 'relative', wall: titleWall, ...ago } : null;
}

/**
 * A time printed with its zone's name is the page's zone in so many words: the wall time as
 * printed, paired with the instant the name gives it.
 */
function namedZoneSample(text: string, now: Date): ZoneSample | null {
  const match = NAMED_ZONE.exec(text);
  if (!match?.[1]) return null;
  const wall = zonelessWall(match[1], now);
  const instant = parseCrmDate(text.replace(/\s*\([^)]*\)\s*$/, ''), { now, timeZone: 'UTC' });
  return wall && instant ? { kind: 'paired', wall, instant: instant.getTime() } : null;
}

/** "11/26/2026 9:42 AM (2 hrs)" (the age in brackets beside it) or "… 10:12 AM CST": a cell's own evidence. */
function inlineAgeSample(el: Element, now: Date): ZoneSample | null {
  if (el.childElementCount > 0) return null;
  const text = ownText(el);
  if (text.length === 0 || text.length > MAX_TEXT) return null;
  const named = namedZoneSample(text, now);
  if (named) return named;
  const match = INLINE_AGE.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const wall = zonelessWall(match[1], now);
  const ago = wall ? relativeAgo(`${match[2]} ago`, now) : null;
  return wall && ago ? { kind: 'relative', wall, ...ago } : null;
}

/** The root and the documents of its same-origin frames (a cross-origin frame says nothing). */
function documentsFrom(root: ParentNode): ParentNode[] {
  const docs: ParentNode[] = [root];
  const visit = (scope: ParentNode, depth: number) => {
    if (depth >= MAX_FRAME_DEPTH) return;
    let frames: Element[];
    try {
      frames = Array.from(scope.querySelectorAll('iframe, frame'));
    } catch {
      return;
    }
    for (const frame of frames) {
      if (docs.length >= MAX_DOCUMENTS) return;
      let inner: Document | null = null;
      try {
        // By name, not instanceof: a frame inside a frame belongs to that frame's window.
        inner = frame.localName === 'iframe' || frame.localName === 'frame' ? (frame as HTMLIFrameElement).contentDocument : null;
      } catch {
        inner = null;
      }
      if (!inner || docs.includes(inner)) continue;
      docs.push(inner);
      visit(inner, depth + 1);
    }
  };
  visit(root, 0);
  return docs;
}

function queryCapped(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector)).slice(0, MAX_ELEMENTS);
  } catch {
    return [];
  }
}

export function collectZoneSamples(root: ParentNode, now: Date = new Date()): ZoneSample[] {
  const samples: ZoneSample[] = [];
  for (const doc of documentsFrom(root)) {
    const found: [Element[], (el: Element, at: Date) => ZoneSample | null][] = [
      [queryCapped(doc, CANDIDATES), sampleOf],
      [queryCapped(doc, AGE_CANDIDATES), inlineAgeSample],
    ];
    for (const [elements, read] of found) {
      for (const el of elements) {
        // Leadpace's own panel shows times in the dealer zone: never evidence about the page.
        if (el.closest('leadpace-panel')) continue;
        const sample = read(el, now);
        if (sample) samples.push(sample);
        if (samples.length >= MAX_SAMPLES) return samples;
      }
    }
  }
  return samples;
}
