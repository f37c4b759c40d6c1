import { meaningful, optionalText } from '../extract';
import { parseCrmDate } from '../parse-date';
import { FIELD_MAX, linkValue } from '../snapshot';
import { firstPierced } from '../user/query';
import type { OverrideField } from './schema';

// How a fix's selectors turn into a value: the element the first selector that matches finds,
// read the way the built-in adapters read that kind of field (links for phone and e-mail,
// machine-readable times first). Undefined when nothing matches or the element is empty.

function readTime(el: Element): string | undefined {
  const time = el.closest('time[datetime]') ?? el.querySelector('time[datetime]');
  const candidates = [el.getAttribute('datetime'), time?.getAttribute('datetime'), el.getAttribute('title'), optionalText(el, 120)];
  for (const text of candidates) {
    const value = meaningful(text ?? undefined);
    if (!value) continue;
    const date = parseCrmDate(value, { now: new Date() });
    if (date) return date.toISOString();
  }
  return undefined;
}

function readLink(el: Element, scheme: 'tel:' | 'mailto:', max: number): string | undefined {
  const selector = scheme === 'tel:' ? 'a[href^="tel:" i]' : 'a[href^="mailto:" i]';
  const link = el.closest(selector) ?? el.querySelector(selector);
  return linkValue(link, scheme, max) ?? meaningful(optionalText(el, max));
}

const TEXT_MAX: Record<'name' | 'source' | 'vehicle' | 'status', number> = {
  name: FIELD_MAX.name,
  source: FIELD_MAX.sourceRaw,
  vehicle: FIELD_MAX.vehicle,
  status: FIELD_MAX.statusRaw,
};

export function readOverrideField(doc: Document, field: OverrideField, selectors: readonly string[]): string | undefined {
  const el = firstPierced(doc, selectors);
  if (!el) return undefined;
  switch (field) {
    case 'receivedAt':
      return readTime(el);
    case 'phone':
      return readLink(el, 'tel:', FIELD_MAX.phone);
    case 'email':
      return readLink(el, 'mailto:', FIELD_MAX.email);
    default:
      return meaningful(optionalText(el, TEXT_MAX[field]));
  }
}
