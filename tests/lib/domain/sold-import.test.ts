import { describe, expect, it } from 'vitest';
import { guessMapping, parseDealDate, planImport, type ImportMapping, type KnownLead } from '@/lib/domain/sold-import';

const ZONE = 'Europe/Amsterdam';
const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('parseDealDate (dealer zone)', () => {
  it.each([
    ['ISO date: noon local', '2026-11-20', 'dmy', '2026-11-20T11:00:00.000Z'],
    ['ISO date and time', '2026-11-20 15:30', 'dmy', '2026-11-20T14:30:00.000Z'],
    ['ISO with T and seconds', '2026-07-01T09:05:07', 'dmy', '2026-07-01T07:05:07.000Z'],
    ['ISO with an offset keeps it', '2026-11-20T15:30:00Z', 'dmy', '2026-11-20T15:30:00.000Z'],
    ['Dutch day-month-year', '20-11-2026', 'dmy', '2026-11-20T11:00:00.000Z'],
    ['slashes, day first', '03/04/2026', 'dmy', '2026-04-03T10:00:00.000Z'],
    ['slashes, month first (US)', '03/04/2026', 'mdy', '2026-03-04T11:00:00.000Z'],
    ['dots and a time', '1.12.2026 08:00', 'dmy', '2026-12-01T07:00:00.000Z'],
    ['spaces around', '  2026-11-20 ', 'dmy', '2026-11-20T11:00:00.000Z'],
  ] as const)('%s: %s', (_name, text, order, iso) => {
    expect(new Date(parseDealDate(text, ZONE, order) ?? NaN).toISOString()).toBe(iso);
  });

  it.each([
    ['empty', ''],
    ['words', 'yesterday'],
    ['31 November', '31-11-2026'],
    ['month 13', '2026-13-01'],
    ['hour 25', '2026-11-20 25:00'],
    ['two-digit year', '20-11-26'],
  ])('%s → null', (_name, text) => {
    expect(parseDealDate(text, ZONE)).toBeNull();
  });
});

describe('planImport', () => {
  const mapping: ImportMapping = { recordId: 0, soldDate: 1, source: 2, dateOrder: 'dmy' };
  const leads: Record<string, KnownLead[]> = {
    'L-1': [{ key: 'demo:L-1', status: 'appointment' }],
    'L-2': [{ key: 'demo:L-2', status: 'sold' }],
    'L-3': [{ key: 'demo:L-3', status: 'lost' }],
    'X-9': [
      { key: 'demo:X-9', status: 'open' },
      { key: 'hubspot:X-9', status: 'open' },
    ],
  };
  const plan = (rows: string[][], hasHeader = true) => planImport({ rows, hasHeader, mapping, known: (id) => leads[id] ?? [], now: NOW, timeZone: ZONE });

  it('says what every line will do, with line numbers as the file has them', () => {
    const { lines, counts } = plan([
      ['Record ID', 'Sold', 'Source'],
      ['L-1', '20-11-2026', 'Marktplaats'],
      ['L-2', '21-11-2026', ''],
      ['L-404', '21-11-2026', ''],
      ['L-3', '22-11-2026', ''],
      ['', '22-11-2026', ''],
      ['L-1', '23-11-2026', ''],
      ['L-5', 'soon', ''],
      ['L-6', '24-12-2026', ''],
      ['X-9', '20-11-2026', ''],
      ['', '', ''],
    ]);
    expect(lines.map((l) => [l.line, l.recordId, l.action, l.problem ?? null, l.leadKey ?? null])).toEqual([
      [2, 'L-1', 'sell', null, 'demo:L-1'],
      [3, 'L-2', 'already-sold', null, 'demo:L-2'],
      [4, 'L-404', 'unknown', null, null],
      // A lost lead the CRM says was sold after all: the sale is the truth.
      [5, 'L-3', 'sell', null, 'demo:L-3'],
      [6, '', 'bad', 'no-record-id', null],
      [7, 'L-1', 'repeated', null, null],
      [8, 'L-5', 'bad', 'bad-date', null],
      [9, 'L-6', 'bad', 'future-date', null],
      [10, 'X-9', 'bad', 'ambiguous', null],
    ]);
    expect(counts).toEqual({ sell: 2, 'already-sold': 1, unknown: 1, repeated: 1, bad: 4 });
    expect(lines[0]?.source).toBe('Marktplaats');
  });

  it('without a header the first row is a deal', () => {
    expect(plan([['L-1', '20-11-2026', '']], false).counts.sell).toBe(1);
    expect(plan([['L-1', '20-11-2026', '']], true).counts.sell).toBe(0);
  });
});

describe('guessMapping', () => {
  it.each([
    [['Record ID', 'Verkoopdatum', 'Bron', 'Verkoper'], { recordId: 0, soldDate: 1, source: 2, createdDate: undefined, rep: 3 }],
    [['Lead Id', 'Created', 'Sold date', 'Lead source', 'Salesperson'], { recordId: 0, soldDate: 2, source: 3, createdDate: 1, rep: 4 }],
    [['a', 'b'], { recordId: undefined, soldDate: undefined, source: undefined, createdDate: undefined, rep: undefined }],
  ])('%j', (header, mapping) => {
    expect(guessMapping(header)).toEqual(mapping);
  });
});
