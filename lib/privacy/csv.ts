import Papa from 'papaparse';
import type { LeadNote, StoredEvent } from '../db/schema';
import type { LeadRecord } from '../domain/lead';
import { detailsRemovalOf } from '../domain/retention';

export type CsvLang = 'nl' | 'en';

const iso = (ms: number | null | undefined): string => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : '');

/**
 * RFC 4180 through papaparse (quotes, separators and line breaks inside fields are quoted),
 * with a UTF-8 byte-order mark and `;` in Dutch, as Excel expects. A cell that starts with
 * = + - @ (or a tab or carriage return) is prefixed with ' so a spreadsheet never runs a
 * customer's text as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], lang: CsvLang): string {
  const text = Papa.unparse([[...header], ...rows.map((row) => [...row])], {
    delimiter: lang === 'nl' ? ';' : ',',
    newline: '\r\n',
    escapeFormulae: true,
  });
  return `\uFEFF${text}\r\n`;
}

const LEAD_COLUMNS = [
  'key', 'crm', 'leadId', 'name', 'phone', 'email', 'vehicle', 'source', 'sourceRaw', 'status', 'lostReason',
  'receivedAt', 'firstSeenAt', 'lastSeenAt', 'attemptCount', 'contactCount', 'firstAttemptAt', 'lastAttemptAt',
  'closedAt', 'soldAt', 'backlog', 'note', 'url', 'detailsRemovedAt',
] as const;

/** One line per lead with its details, figures and note. */
export function leadsCsv(leads: readonly LeadRecord[], notes: readonly LeadNote[], lang: CsvLang): string {
  const noteOf = new Map(notes.map((n) => [n.leadKey, n.text]));
  const rows = leads.map((lead) => [
    lead.key, lead.crm, lead.leadId, lead.name ?? '', lead.phone ?? '', lead.email ?? '', lead.vehicle ?? '', lead.source,
    lead.sourceRaw ?? '', lead.status, lead.lostReason ?? '', iso(lead.receivedAt), iso(lead.firstSeenAt), iso(lead.lastSeenAt),
    String(lead.attemptCount), String(lead.contactCount), iso(lead.firstAttemptAt), iso(lead.lastAttemptAt), iso(lead.closedAt),
    iso(lead.soldAt), lead.backlog ? 'true' : 'false', noteOf.get(lead.key) ?? '', lead.url, iso(detailsRemovalOf(lead)?.detailsRemovedAt),
  ]);
  return toCsv(LEAD_COLUMNS, rows, lang);
}

const EVENT_COLUMNS = ['id', 'leadKey', 'type', 'at', 'repId', 'sync', 'data'] as const;

/** One line per event; the fields that differ per type go in `data` as JSON. */
export function eventsCsv(events: readonly StoredEvent[], lang: CsvLang): string {
  const rows = [...events]
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map((event) => {
      const { id, leadKey, type, at, repId, sync, ...rest } = event;
      return [id, leadKey, type, iso(at), repId, sync, JSON.stringify(rest)];
    });
  return toCsv(EVENT_COLUMNS, rows, lang);
}
