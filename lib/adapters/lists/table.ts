import type { LeadSnapshot } from '../../domain/model';
import { LABELS, meaningful, normaliseLabel, textOf } from '../extract';
import { parseCrmDate } from '../parse-date';
import { buildSnapshot, FIELD_MAX as MAX, linkValue, type SnapshotFields } from '../snapshot';

// Reading a CRM's list of leads the same way for every CRM: find the grid, name its columns by
// their header labels (so a dealer who reorders, adds or hides columns still gets read), and turn
// each row into a snapshot. Never throws; a row without a lead id is skipped, a missing cell is
// just a missing field.

export type ListField = 'name' | 'phone' | 'email' | 'source' | 'vehicle' | 'created' | 'status';

/** Header labels per field, most specific first (an earlier label wins over a later one). */
export type ListLabels = Record<ListField, readonly string[]>;

/** The shared field labels (nl, en, de, fr) plus the forms list headers use. */
export const LIST_LABELS: ListLabels = {
  name: [...LABELS.name, 'Prospect', 'Interessent', 'Prospect name'],
  phone: [...LABELS.phone],
  email: [...LABELS.email],
  source: [...LABELS.source, 'Bronkanaal', 'Source channel', 'Quellkanal', 'Canal source'],
  vehicle: [...LABELS.vehicle],
  // Never a bare "Datum"/"Date": a list also shows next-activity and due dates.
  created: [
    ...LABELS.created.filter((label) => label !== 'Datum'),
    'Create date', 'Creation date', 'Date in', 'Ingekomen', 'Erstellungsdatum', 'Eingangsdatum', 'Date de creation',
  ],
  status: [...LABELS.status],
};

/** One row's identity: the adapter's lead id and the lead's own page. */
export interface RowIdentity {
  leadId: string;
  url: URL;
}

/** How one CRM's list is laid out; the generic reader does the rest. */
export interface GridSpec {
  crm: string;
  /** The list roots on the page: `table` elements, ARIA grids, or plain containers of rows. */
  grids(doc: Document): Element[];
  /** Rows of a grid that is not a `<table>`; default `[role="row"]`. */
  rowSelector?: string;
  /** The header row of a grid that is neither a `<table>` nor uses `role="columnheader"`. */
  headerSelector?: string;
  /** The id and page of the lead a row shows; null skips the row. */
  identify(row: Element, listUrl: URL): RowIdentity | null;
  labels: ListLabels;
  /** Rewrites a date cell's text into something parseCrmDate reads ("2:05p" → "2:05 PM"). */
  cleanDate?(text: string): string;
}

// Upper bounds: a list page with thousands of rows costs milliseconds, not seconds.
const MAX_GRIDS = 10;
const MAX_ROWS = 1_000;
const MAX_CELLS = 60;
const MAX_SPAN = 20;

const CELL_ROLES = new Set(['gridcell', 'rowheader', 'cell', 'columnheader']);
const FIELDS: readonly ListField[] = ['name', 'phone', 'email', 'source', 'vehicle', 'created', 'status'];

// Assistive text and sort markers that list headers carry next to the column name.
const HEADER_NOISE = [
  /^(?:sort(?:ed)? by|sorteer(?:d)? op|sorteren op|sortieren nach|sortiert nach|trier par|trie par)\s*:?\s*/u,
  /\s*(?:sorted|gesorteerd|sortiert|trie)?\s*(?:ascending|descending|oplopend|aflopend|aufsteigend|absteigend|croissant|decroissant)\s*$/u,
  /[\u2190-\u21ff\u25b2-\u25bf]/gu,
];

function cleanHeader(text: string): string {
  let name = normaliseLabel(text.slice(0, 120));
  for (const noise of HEADER_NOISE) name = name.replace(noise, '');
  return name.replace(/\s+/g, ' ').trim();
}

function safeAll(root: ParentNode, selector: string, max: number): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).slice(0, max);
  } catch {
    return [];
  }
}

/** The names a header cell is known by: aria-label, data-label, title, text. */
function headerNames(cell: Element): string[] {
  const names = new Set<string>();
  const add = (raw: string | null | undefined) => {
    const name = raw ? cleanHeader(raw) : '';
    if (name.length > 0) names.add(name);
  };
  add(cell.getAttribute('aria-label'));
  add(cell.getAttribute('data-label'));
  add(cell.getAttribute('title'));
  for (const titled of safeAll(cell, '[title]', 5)) add(titled.getAttribute('title'));
  add(textOf(cell, 120));
  return [...names];
}

function span(cell: Element): number {
  const raw = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(raw) && raw > 1 ? Math.min(raw, MAX_SPAN) : 1;
}

/** A row's cells in column order, a spanning cell repeated for every column it covers. */
export function rowCells(row: Element): Element[] {
  const children = Array.from(row.children).slice(0, MAX_CELLS);
  const isTableRow = row.tagName === 'TR';
  let cells = isTableRow
    ? children.filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
    : children.filter((c) => CELL_ROLES.has(c.getAttribute('role') ?? ''));
  // A div list without cell roles: its element children are the cells.
  if (!isTableRow && cells.length === 0) cells = children;
  return cells.flatMap((cell) => Array<Element>(span(cell)).fill(cell));
}

function isHeaderRow(row: Element): boolean {
  if (row.closest('thead')) return true;
  const cells = rowCells(row);
  // ASP.NET grids put their header row (all <th scope="col">) inside <tbody>; a data row may
  // have one <th scope="row"> (Salesforce's name cell) but never only header cells.
  return (
    cells.length > 0 &&
    cells.every((c) => (c.tagName === 'TH' ? c.getAttribute('scope') !== 'row' : c.getAttribute('role') === 'columnheader'))
  );
}

const ownTable = (grid: Element) => (el: Element) => el.closest('table') === grid;

/** How many of a row's cells read as one of the field labels: a header row made of `<td>`s. */
function labelHits(row: Element, labels: ListLabels): number {
  const all = new Set(FIELDS.flatMap((field) => normalisedLabels(labels[field])));
  return rowCells(row).filter((cell) => all.has(cleanHeader(textOf(cell, 120)))).length;
}

/** Header cells of a grid, in column order. */
function headerCells(grid: Element, spec: GridSpec): Element[] {
  if (grid.tagName === 'TABLE') {
    const firstRows = safeAll(grid, 'tr', 10).filter(ownTable(grid));
    const headRow =
      safeAll(grid, 'thead tr', 5).filter(ownTable(grid)).at(-1) ??
      firstRows.find(isHeaderRow) ??
      // Older ASP.NET lists label their columns in an ordinary row of <td>s.
      firstRows.find((tr) => labelHits(tr, spec.labels) >= 2);
    return headRow ? rowCells(headRow) : [];
  }
  const header = safeAll(grid, '[role="columnheader"]', 1)[0]?.closest('[role="row"]') ?? (spec.headerSelector ? safeAll(grid, spec.headerSelector, 1)[0] : undefined);
  return header ? rowCells(header) : [];
}

/** Data rows of a grid (not its header rows, not a nested table's rows). */
function dataRows(grid: Element, spec: GridSpec): Element[] {
  if (grid.tagName === 'TABLE') return safeAll(grid, 'tr', MAX_ROWS).filter(ownTable(grid)).filter((tr) => !isHeaderRow(tr));
  const selector = spec.rowSelector ?? '[role="row"]';
  // A row wrapping another row (a hook around an ARIA row) is not a row itself.
  return safeAll(grid, selector, MAX_ROWS).filter((row) => !isHeaderRow(row) && safeAll(row, selector, 1).length === 0);
}

const normalisedLabels = (labels: readonly string[]) => [...new Set(labels.map(cleanHeader).filter((l) => l.length > 0))];

/**
 * The columns that may hold each field, in label order (an earlier label wins): a row reads the
 * first of them that has a value, so an empty "Sub Source" falls back to "Source".
 */
export function columnIndexes(headers: readonly Element[], labels: ListLabels): Record<ListField, number[]> {
  const names = headers.map(headerNames);
  const result = {} as Record<ListField, number[]>;
  for (const field of FIELDS) {
    const indexes: number[] = [];
    for (const label of normalisedLabels(labels[field])) {
      names.forEach((column, index) => {
        if (column.includes(label) && !indexes.includes(index)) indexes.push(index);
      });
    }
    result[field] = indexes;
  }
  return result;
}

/**
 * A row's candidate cells per field: cells labelled for it (`data-label`, as Salesforce's
 * datatable does) first, then the cells under the headers that name it.
 */
function fieldCells(row: Element, indexes: Record<ListField, number[]>, labels: ListLabels): Record<ListField, Element[]> {
  const cells = rowCells(row);
  const byLabel = new Map<string, Element>();
  for (const cell of cells) {
    const label = cell.getAttribute('data-label');
    if (label) byLabel.set(cleanHeader(label), cell);
  }
  const result = {} as Record<ListField, Element[]>;
  for (const field of FIELDS) {
    const labelled = byLabel.size > 0 ? normalisedLabels(labels[field]).flatMap((l) => byLabel.get(l) ?? []) : [];
    const positioned = indexes[field].flatMap((index) => cells[index] ?? []);
    result[field] = [...new Set([...labelled, ...positioned])];
  }
  return result;
}

/** The first value `read` finds in the candidate cells. */
function firstValue(cells: readonly Element[], read: (cell: Element) => string | undefined): string | undefined {
  for (const cell of cells) {
    const value = read(cell);
    if (value !== undefined) return value;
  }
  return undefined;
}

// What list cells show for "nothing" besides the placeholders `meaningful` knows.
const EMPTY_CELL = /^\(?(?:none|none entered|not provided|niet opgegeven|geen|keine angabe|non renseigne)\)?$|^\[(?:not provided|niet opgegeven|nicht angegeben|non fourni)\]$/i;

/** The text a cell shows, its link text first (a name cell also holds icons and badges). */
function cellText(cell: Element, max: number): string | undefined {
  const link = cell.querySelector('a');
  const text = meaningful(textOf(link, max)) ?? meaningful(textOf(cell, max));
  return text !== undefined && EMPTY_CELL.test(text) ? undefined : text;
}

// A date without a time of day would start the clock at midnight, and "3 days ago" at this
// time of day three days back: guesses, not received times. Trusted: a clock time ("14:05",
// "14.05", "14u05", "2:05 PM" — never the "26.11" of "26.11.2026"), an age in seconds, minutes or
// hours, or "just now".
const CLOCK_TIME = /(?:^|[\s,t])\d{1,2}[:.hu]\d{2}(?![.\-/]\d)|\d\s*(?:am|pm|a\.m\.|p\.m\.)/i;
const SHORT_UNIT = '(?:s|secs?|seconds?|seconden?|sekunden?|m|mins?|minutes?|minuut|minuten|h|hrs?|hours?|uur|uren|stunden?|heures?)';
const AMOUNT = '(?:\\d{1,4}|an?|een|één|eine?|une?)';
const SHORT_AGE = new RegExp(
  `^(?:${AMOUNT}\\s*${SHORT_UNIT}\\.?\\s+(?:ago|geleden)|(?:vor|il y a)\\s+${AMOUNT}\\s*${SHORT_UNIT}\\.?)$`,
  'i',
);
const JUST_NOW = /^(?:just now|now|zojuist|net|nu|gerade eben|soeben|a l'instant|à l'instant)$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}/i;
const trusted = (text: string) => ISO_DATE_TIME.test(text) || CLOCK_TIME.test(text) || SHORT_AGE.test(text) || JUST_NOW.test(text);

function textChunks(cell: Element): string[] {
  const chunks: string[] = [];
  const walker = cell.ownerDocument.createTreeWalker(cell, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && chunks.length < 10; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 0) chunks.push(text);
  }
  return chunks;
}

/**
 * The received time a cell shows, as ISO 8601, or undefined. Tries the machine-readable form
 * first (`<time datetime>`, a `title` with the full date), then each text piece on its own
 * ("26-11-2026 14:38" apart from the "3 min geleden" beside it), then the whole text.
 */
export function readDate(cell: Element, now: Date, cleanDate?: (text: string) => string): string | undefined {
  const candidates: string[] = [];
  for (const time of safeAll(cell, 'time[datetime]', 3)) candidates.push(time.getAttribute('datetime') ?? '');
  for (const titled of [cell, ...safeAll(cell, '[title]', 3)]) candidates.push(titled.getAttribute('title') ?? '');
  candidates.push(...textChunks(cell), textOf(cell, 120));
  for (const raw of candidates) {
    const text = (cleanDate ? cleanDate(raw) : raw).replace(/\s+/g, ' ').trim();
    if (!text || text.length > 120 || !trusted(text)) continue;
    const date = parseCrmDate(text, { now });
    if (date) return date.toISOString();
  }
  return undefined;
}

function readPhone(cell: Element): string | undefined {
  const text = linkValue(cell.querySelector('a[href^="tel:" i]'), 'tel:', MAX.phone) ?? cellText(cell, MAX.phone);
  return text && /\d{3}/.test(text) ? text : undefined;
}

function readEmail(cell: Element): string | undefined {
  const text = linkValue(cell.querySelector('a[href^="mailto:" i]'), 'mailto:', MAX.email) ?? cellText(cell, MAX.email);
  return text?.includes('@') ? text : undefined;
}

function rowFields(cells: Record<ListField, Element[]>, spec: GridSpec, now: Date): SnapshotFields {
  const text = (max: number) => (cell: Element) => cellText(cell, max);
  return {
    name: firstValue(cells.name, text(MAX.name)),
    phone: firstValue(cells.phone, readPhone),
    email: firstValue(cells.email, readEmail),
    sourceRaw: firstValue(cells.source, text(MAX.sourceRaw)),
    vehicle: firstValue(cells.vehicle, text(MAX.vehicle)),
    receivedAt: firstValue(cells.created, (cell) => readDate(cell, now, spec.cleanDate)),
    statusRaw: firstValue(cells.status, text(MAX.statusRaw)),
  };
}

/** Every readable row of every grid on the page, as snapshots: one per lead, in page order. */
export function readGrids(doc: Document, listUrl: URL, spec: GridSpec): LeadSnapshot[] {
  const out: LeadSnapshot[] = [];
  const seen = new Set<string>();
  const now = new Date();
  let grids: Element[] = [];
  try {
    grids = spec.grids(doc).slice(0, MAX_GRIDS);
  } catch {
    return out;
  }
  for (const grid of grids) {
    let indexes: Record<ListField, number[]>;
    let rows: Element[];
    try {
      indexes = columnIndexes(headerCells(grid, spec), spec.labels);
      rows = dataRows(grid, spec);
    } catch {
      continue;
    }
    for (const row of rows) {
      if (out.length >= MAX_ROWS) return out;
      try {
        const identity = spec.identify(row, listUrl);
        if (!identity || seen.has(identity.leadId)) continue;
        const cells = fieldCells(row, indexes, spec.labels);
        const snapshot = buildSnapshot({ crm: spec.crm, leadId: identity.leadId, url: identity.url }, () => rowFields(cells, spec, now));
        if (!snapshot) continue;
        seen.add(identity.leadId);
        out.push(snapshot);
      } catch {
        // One odd row must not cost the others.
      }
    }
  }
  return out;
}

/** Resolves a row link against the list page; only http(s), never `javascript:` and friends. */
export function resolveHref(href: string | null | undefined, base: URL): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Every element matching any of `selectors`, once, selector by selector (an invalid one is skipped). */
export function allMatching(doc: Document, selectors: readonly string[]): Element[] {
  const found = new Set<Element>();
  for (const selector of selectors) for (const el of safeAll(doc, selector, MAX_ROWS)) found.add(el);
  return [...found];
}
