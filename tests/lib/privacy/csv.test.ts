import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { eventsCsv, toCsv } from '@/lib/privacy/csv';
import type { StoredEvent } from '@/lib/db/schema';

const BOM = '\uFEFF';
const body = (csv: string) => csv.slice(BOM.length);

describe('toCsv', () => {
  it.each<[string, string, 'nl' | 'en', string]>([
    ['plain text', 'Sanne', 'en', 'h\r\nSanne\r\n'],
    ['a quote is doubled inside quotes', 'say "hi"', 'en', 'h\r\n"say ""hi"""\r\n'],
    ['a line break stays inside one quoted field', 'line 1\nline 2', 'en', 'h\r\n"line 1\nline 2"\r\n'],
    ['a comma is quoted in English', 'Golf, blue', 'en', 'h\r\n"Golf, blue"\r\n'],
    ['a semicolon is quoted in Dutch', 'Golf; blauw', 'nl', 'h\r\n"Golf; blauw"\r\n'],
    ['a comma needs no quotes in Dutch', 'Golf, blauw', 'nl', 'h\r\nGolf, blauw\r\n'],
    ['= starts no formula (prefixed and quoted)', '=HYPERLINK("http://x")', 'en', `h\r\n"'=HYPERLINK(""http://x"")"\r\n`],
    ['+ starts no formula', '+31612345678', 'en', `h\r\n"'+31612345678"\r\n`],
    ['- starts no formula', '-2+3', 'en', `h\r\n"'-2+3"\r\n`],
    ['@ starts no formula', '@SUM(A1)', 'en', `h\r\n"'@SUM(A1)"\r\n`],
    ['an = later in the text is left alone', 'a=b', 'en', 'h\r\na=b\r\n'],
  ])('%s', (_name, cell, lang, expected) => {
    const csv = toCsv(['h'], [[cell]], lang);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(body(csv)).toBe(expected);
  });

  it('reads back to the same cells (apart from the formula guard)', () => {
    const cells = ['Jan "de" Boer', 'a;b,c', 'x\r\ny', '', 'één'];
    for (const lang of ['nl', 'en'] as const) {
      const parsed = Papa.parse<string[]>(body(toCsv(['a', 'b', 'c', 'd', 'e'], [cells], lang)), { delimiter: lang === 'nl' ? ';' : ',', skipEmptyLines: true });
      expect(parsed.data[1]).toEqual(cells);
    }
  });
});

describe('eventsCsv', () => {
  it('one line per event, in time order, the type-specific fields as JSON', () => {
    const events = [
      { id: 'b', v: 1, leadKey: 'demo:L-1', type: 'attempt_logged', at: 2000, repId: 'r', sync: 'sent', channel: 'call', outcome: 'reached' },
      { id: 'a', v: 1, leadKey: 'demo:L-1', type: 'lead_seen', at: 1000, repId: 'r', sync: 'pending', crm: 'demo', leadId: 'L-1', source: 'website', receivedAt: null },
    ] as unknown as StoredEvent[];
    const rows = Papa.parse<string[]>(body(eventsCsv(events, 'en')), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['id', 'leadKey', 'type', 'at', 'repId', 'sync', 'data']);
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([['a', '1970-01-01T00:00:01.000Z'], ['b', '1970-01-01T00:00:02.000Z']]);
    expect(JSON.parse(rows[2]?.[6] ?? '')).toEqual({ v: 1, channel: 'call', outcome: 'reached' });
  });
});

describe('removedDetailsLabel', () => {
  it('names the period for a lead whose details were removed, nothing otherwise', async () => {
    const { removedDetailsLabel } = await import('@/lib/privacy/removed-label');
    const { translator } = await import('@/lib/i18n');
    expect(removedDetailsLabel({ detailsRemovedAt: 1, detailsRemovedAfterDays: 180 }, translator('en'))).toBe('Details removed after 180 days');
    expect(removedDetailsLabel({ detailsRemovedAt: 1, detailsRemovedAfterDays: 90 }, translator('nl'))).toBe('Gegevens verwijderd na 90 dagen');
    expect(removedDetailsLabel({ name: 'Sanne' }, translator('en'))).toBeNull();
  });
});
