import { leadIdSchema, leadSnapshotSchema, type LeadSnapshot, type SnapshotField } from '../domain/model';
import { normaliseSource } from '../domain/sources';
import { meaningful } from './extract';

// What every adapter does the same way once it has read its fields: caps, ids, links, and
// turning the fields into a validated snapshot that never throws into the page.

/** Caps that mirror leadSnapshotSchema, so a long page value shortens instead of failing validation. */
export const FIELD_MAX = { name: 300, phone: 100, email: 300, sourceRaw: 200, vehicle: 300, statusRaw: 100 } as const;

/** A CRM record id as the lead schema accepts it, or null. */
export function validLeadId(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const parsed = leadIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The value of a `tel:`/`mailto:` link: canonical, where the link text is for humans. */
export function linkValue(link: Element | null | undefined, scheme: 'tel:' | 'mailto:', max: number = FIELD_MAX.phone): string | undefined {
  const href = link?.getAttribute('href')?.trim();
  if (!href || !href.toLowerCase().startsWith(scheme)) return undefined;
  let value = href.slice(scheme.length).split(/[?;]/)[0] ?? '';
  try {
    value = decodeURIComponent(value);
  } catch {
    // Keep the raw text: a malformed escape is still more useful than nothing.
  }
  return meaningful(value.replace(/\s+/g, ' ').slice(0, max));
}

/** The schema caps URLs; a shortened href would be invalid, so drop the query instead. */
function snapshotUrl(url: URL): string {
  return url.href.length <= 4000 ? url.href : `${url.origin}${url.pathname}`.slice(0, 4000);
}

/** What an adapter read; anything undefined is reported as "couldn't read". */
export interface SnapshotFields {
  name?: string;
  phone?: string;
  email?: string;
  sourceRaw?: string;
  vehicle?: string;
  /** ISO 8601, only when the page showed a creation time. */
  receivedAt?: string;
  statusRaw?: string;
}

const ALL_FIELDS: SnapshotField[] = ['name', 'phone', 'source', 'vehicle', 'receivedAt', 'status'];

/**
 * Runs an adapter's field reading and returns a validated snapshot. If reading throws or the
 * result does not validate, the lead still gets an id-only snapshot (and so a clock).
 */
export function buildSnapshot(base: { crm: string; leadId: string; url: URL }, read: () => SnapshotFields): LeadSnapshot | null {
  const identity = { crm: base.crm, leadId: base.leadId, url: snapshotUrl(base.url) };
  try {
    const fields = read();
    const missing = ALL_FIELDS.filter((field) => {
      switch (field) {
        case 'source':
          return fields.sourceRaw === undefined;
        case 'status':
          return fields.statusRaw === undefined;
        default:
          return fields[field] === undefined;
      }
    });
    const snapshot: Record<string, unknown> = { ...identity, missing };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) snapshot[key] = value;
    }
    if (fields.sourceRaw !== undefined) snapshot.source = normaliseSource(fields.sourceRaw);
    const parsed = leadSnapshotSchema.safeParse(snapshot);
    if (parsed.success) return parsed.data;
  } catch {
    // Fall through to the id-only snapshot.
  }
  const minimal = leadSnapshotSchema.safeParse({ ...identity, missing: ALL_FIELDS });
  return minimal.success ? minimal.data : null;
}
