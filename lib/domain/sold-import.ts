import { TZDate } from '@date-fns/tz';
import type { LeadStatus } from './model';

/**
 * Sold deals from a CRM or DMS export, matched to the leads this browser knows. Pure: the file
 * is already split into cells; this decides what every line would do, so the dealer sees the
 * whole outcome (a dry run) before anything is written.
 *
 * Rules:
 * - A line matches a lead by the CRM's record id (trimmed, case as written).
 * - A lead already sold (by a rep, the CRM page or an earlier import) is left alone, so
 *   importing the same file twice changes nothing.
 * - A record id that appears again further down the file is ignored there (the first line wins).
 * - Bad lines — no record id, a sold date that is not a date or lies in the future, an id that
 *   matches leads in two CRMs — block the whole import until fixed or deselected.
 * - A sold date without a time counts at 12:00 in the dealer's zone, inside its day whatever
 *   the DST.
 */

export interface ImportMapping {
  recordId: number;
  soldDate: number;
  source?: number;
  createdDate?: number;
  rep?: number;
  /** How a date like 03/04/2026 reads: day first (NL, UK) or month first (US). */
  dateOrder: 'dmy' | 'mdy';
}

export type ImportAction = 'sell' | 'already-sold' | 'unknown' | 'repeated' | 'bad';
export type ImportProblem = 'no-record-id' | 'bad-date' | 'future-date' | 'ambiguous';

export interface ImportLine {
  /** 1-based line number in the file, as a spreadsheet shows it. */
  line: number;
  recordId: string;
  soldAt: number | null;
  action: ImportAction;
  problem?: ImportProblem;
  leadKey?: string;
  /** Optional columns, shown in the preview so the dealer can check the match. */
  source?: string;
  rep?: string;
  created?: string;
}

export interface KnownLead {
  key: string;
  status: LeadStatus;
}

export type ImportCounts = Record<ImportAction, number>;

const pad = (n: number) => String(n).padStart(2, '0');

/** A sold date as CRMs export it, in the dealer's zone; null when it is not a real date. */
export function parseDealDate(text: string, timeZone: string, dateOrder: 'dmy' | 'mdy' = 'dmy'): number | null {
  const value = text.trim();
  if (value === '') return null;
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(value) && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  let year: number;
  let month: number;
  let day: number;
  let time: RegExpExecArray;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    time = iso;
  } else if (local) {
    const [a, b] = [Number(local[1]), Number(local[2])];
    [day, month] = dateOrder === 'dmy' ? [a, b] : [b, a];
    year = Number(local[3]);
    time = local;
  } else {
    return null;
  }
  const hasTime = time[4] !== undefined;
  const [hour, minute, second] = hasTime ? [Number(time[4]), Number(time[5]), Number(time[6] ?? 0)] : [12, 0, 0];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const at = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day) return null;
  return at.getTime();
}

/** 'YYYY-MM-DD HH:mm' for the preview, in the dealer's zone. */
export function previewDate(ms: number, timeZone: string): string {
  const d = new TZDate(ms, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function planImport(input: {
  rows: readonly (readonly string[])[];
  /** The first row holds column names, not a deal. */
  hasHeader: boolean;
  mapping: ImportMapping;
  /** The leads of this browser with a given record id (one per CRM that has it). */
  known: (recordId: string) => readonly KnownLead[];
  now: number;
  timeZone: string;
}): { lines: ImportLine[]; counts: ImportCounts } {
  const { mapping, timeZone, now } = input;
  const lines: ImportLine[] = [];
  const seen = new Set<string>();
  const counts: ImportCounts = { sell: 0, 'already-sold': 0, unknown: 0, repeated: 0, bad: 0 };
  input.rows.forEach((cells, index) => {
    if (index === 0 && input.hasHeader) return;
    // A blank line (an export's trailing newline, a spacer row) is not a deal.
    if (cells.every((cell) => cell.trim() === '')) return;
    const cell = (column: number | undefined) => (column === undefined ? undefined : (cells[column] ?? '').trim() || undefined);
    const recordId = cell(mapping.recordId) ?? '';
    const soldText = cell(mapping.soldDate) ?? '';
    const soldAt = parseDealDate(soldText, timeZone, mapping.dateOrder);
    const line: ImportLine = { line: index + 1, recordId, soldAt, action: 'bad', source: cell(mapping.source), rep: cell(mapping.rep), created: cell(mapping.createdDate) };
    const matches = recordId === '' ? [] : input.known(recordId);
    if (recordId === '') line.problem = 'no-record-id';
    else if (soldAt === null) line.problem = 'bad-date';
    else if (soldAt > now) line.problem = 'future-date';
    else if (matches.length > 1) line.problem = 'ambiguous';
    else if (seen.has(recordId)) line.action = 'repeated';
    else {
      const match = matches[0];
      if (!match) line.action = 'unknown';
      else {
        line.leadKey = match.key;
        line.action = match.status === 'sold' ? 'already-sold' : 'sell';
      }
    }
    if (recordId !== '' && line.action !== 'bad') seen.add(recordId);
    counts[line.action] += 1;
    lines.push(line);
  });
  return { lines, counts };
}

/** The guess a column mapping starts from: header names in Dutch or English. */
export function guessMapping(header: readonly string[]): Partial<Omit<ImportMapping, 'dateOrder'>> {
  const find = (...words: string[]) => {
    const index = header.findIndex((name) => words.some((w) => name.trim().toLowerCase().includes(w)));
    return index >= 0 ? index : undefined;
  };
  const soldDate = find('sold', 'verkocht', 'verkoopdatum', 'deliver', 'aflever', 'closed', 'won');
  const createdDate = find('created', 'aangemaakt', 'ontvangen', 'received');
  const recordId = find('record id', 'lead id', 'leadid', 'record', 'id');
  return {
    recordId,
    soldDate: soldDate !== recordId ? soldDate : undefined,
    source: find('source', 'bron', 'herkomst'),
    createdDate: createdDate !== soldDate ? createdDate : undefined,
    rep: find('rep', 'verkoper', 'salesperson', 'owner', 'eigenaar'),
  };
}
