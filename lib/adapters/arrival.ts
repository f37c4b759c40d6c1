import { textOf } from './extract';
import { parseCrmDate } from './parse-date';

/**
 * A lead's arrival as an activity feed or history shows it, for pages without a created field:
 * the earliest entry whose text says the lead arrived ("Lead aangemaakt via Marktplaats",
 * "Lead received from TrueCar"), dated by the entry's first part that reads as a date. An
 * entry is a list item or a table row that holds no list of its own.
 */
export interface ArrivalOptions {
  /** Words of an arrival entry, in the CRM's languages. */
  entry: RegExp;
  now: Date;
  /** Turns a CRM's own short format into one parseCrmDate reads ("9:12a" → "9:12 AM"). */
  clean?: (text: string) => string;
  maxEntries?: number;
}

const ENTRIES = 'li, tr';
// "26/11/2026 09:41 – Lead aangemaakt", "11/24/26 9:12a — Lead received": the date leads the
// entry, before a dash.
const LEADING_PART = /^(.{6,40}?)\s+[–—-]\s+/;

/** The entry's text with its parts apart ("Lead received" | "11/24/2026"), as a reader sees it. */
function spacedText(el: Element, max: number): string {
  const parts: string[] = [];
  let length = 0;
  // 4: NodeFilter.SHOW_TEXT, spelled out so this works without a window global.
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  for (let node = walker.nextNode(); node && length < max; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

export function arrivalFromEntries(root: ParentNode | null | undefined, options: ArrivalOptions): Date | null {
  if (!root) return null;
  const clean = options.clean ?? ((text: string) => text);
  let earliest: Date | null = null;
  try {
    for (const item of Array.from(root.querySelectorAll(ENTRIES)).slice(0, options.maxEntries ?? 300)) {
      if (item.querySelector(ENTRIES)) continue;
      const text = spacedText(item, 300);
      if (!options.entry.test(text)) continue;
      const parts = [LEADING_PART.exec(text)?.[1], ...Array.from(item.querySelectorAll('time, span, small, td')).slice(0, 12).map((el) => el.getAttribute('datetime') ?? textOf(el, 60))];
      for (const part of parts) {
        const date = part ? parseCrmDate(clean(part.trim()), { now: options.now }) : null;
        if (date) {
          if (!earliest || date < earliest) earliest = date;
          break;
        }
      }
    }
  } catch {
    // A page we do not know may do anything: no arrival then.
  }
  return earliest;
}
