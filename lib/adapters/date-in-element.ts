import { textOf } from './extract';
import { parseCrmDate } from './parse-date';

// History entries, timeline items and "Created By" cells print the time beside other words
// (the creator, an event title, a "·" separator), so their whole text is not a date while one of
// their leaves is. Bounded: an entry is small, a runaway match on a big container costs little.
const MAX_LEAVES = 60;
const MAX_LEAF_TEXT = 120;
// A date without a time ("Nov 24, 2026", "Expected close: 15.12.2026") would start a clock at
// midnight; only leaves with a clock time or a relative word count.
const HAS_TIME = /\d{1,2}[:.]\d{2}|\b(?:ago|geleden|vor|il y a|gisteren|yesterday|gestern|hier|vandaag|today|heute)\b|\d\s*(?:am|pm)\b/i;

function leaves(el: Element): Element[] {
  const found: Element[] = [];
  try {
    for (const node of Array.from(el.querySelectorAll('*'))) {
      if (node.children.length === 0) found.push(node);
      if (found.length >= MAX_LEAVES) break;
    }
  } catch {
    // An unreadable subtree has no dates.
  }
  return found;
}

/**
 * The first leaf of `el` (in page order, or from the last one with `lastFirst`) whose text is a
 * date with a time; the element's own text when it has no children. ISO string or undefined.
 */
export function dateInElement(el: Element | null | undefined, now: Date, options: { lastFirst?: boolean } = {}): string | undefined {
  if (!el) return undefined;
  const candidates = el.children.length === 0 ? [el] : leaves(el);
  if (options.lastFirst) candidates.reverse();
  for (const leaf of candidates) {
    const text = textOf(leaf, MAX_LEAF_TEXT);
    if (!text || !HAS_TIME.test(text)) continue;
    const date = parseCrmDate(text, { now });
    if (date) return date.toISOString();
  }
  return undefined;
}
