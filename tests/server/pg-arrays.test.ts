import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberArray, textArray } from '@/server/db/pg-arrays';
import { PG_URL } from './harness';

// The batch statements send their unnest() columns as array literals built here: what
// PostgreSQL reads back must be exactly the values, whichever way a literal was built.

const TEXTS: [name: string, values: (string | null)[], literal?: string][] = [
  ['empty', [], '{}'],
  ['plain ids', ['0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b', 'lead_seen'], '{"0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b","lead_seen"}'],
  ['quotes and backslashes (event bodies)', ['{"id":"a","v":1}', 'a\\b', '\\"', '"'], '{"{\\"id\\":\\"a\\",\\"v\\":1}","a\\\\b","\\\\\\"","\\""}'],
  ['nulls and the word NULL', [null, 'NULL', 'null', ''], '{null,"NULL","null",""}'],
  ['array syntax inside', ['{a,b}', 'x,y', ' spaced ', '()'], '{"{a,b}","x,y"," spaced ","()"}'],
  ['a body with an escaped newline', [JSON.stringify({ note: 'a\nb' })]],
  ['control characters', ['a\nb', 'tab\there', '\r', '\u0001']],
  ['non-Latin text', ['één', '漢字', '😀']],
  ['a backslash before a letter', ['\\n', 'C:\\temp\\new']],
];

const NUMBERS: [name: string, values: (number | null)[], literal: string][] = [
  ['empty', [], '{}'],
  ['epoch ms and counters', [1773824400000, 0, 42], '{1773824400000,0,42}'],
  ['nulls', [null, 7, null], '{null,7,null}'],
  ['negative zero and fractions', [-0, 1.5, -2], '{0,1.5,-2}'],
];

// Not numbers PostgreSQL takes: written as the driver writes them, so they fail the same way.
const NOT_FINITE: [name: string, values: (number | null)[], literal: string][] = [
  ['NaN', [1, Number.NaN, null], '{1,NaN,NULL}'],
  ['Infinity', [Number.POSITIVE_INFINITY], '{Infinity}'],
];

describe('array literals', () => {
  // No UTF-8 can carry it (the driver sends U+FFFD either way), but the literal keeps it as is.
  it('text: a lone surrogate is quoted, not escaped', () => {
    expect(textArray(['\ud800'])).toBe('{"\ud800"}');
  });
  it.each(TEXTS.filter((c) => c[2] !== undefined))('text: %s', (_, values, literal) => {
    expect(textArray(values)).toBe(literal);
  });
  it.each([...NUMBERS, ...NOT_FINITE])('numbers: %s', (_, values, literal) => {
    expect(numberArray(values)).toBe(literal);
  });
});

describe.runIf(Boolean(PG_URL))('array literals read back by PostgreSQL', () => {
  const client = new pg.Client({ connectionString: PG_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it.each(TEXTS)('text[]: %s', async (_, values) => {
    const { rows } = await client.query<{ a: (string | null)[] }>('select $1::text[] as a', [textArray(values)]);
    expect(rows[0]?.a).toEqual(values);
  });
  it.each(NUMBERS)('numeric[]: %s', async (_, values) => {
    const { rows } = await client.query<{ a: (string | null)[] }>('select $1::numeric[] as a', [numberArray(values)]);
    expect(rows[0]?.a?.map((v) => (v === null ? null : Number(v)))).toEqual(values.map((v) => (v === null ? null : v + 0)));
  });
  it.each(NOT_FINITE)('bigint[] refuses %s', async (_, values) => {
    await expect(client.query('select $1::bigint[] as a', [numberArray(values)])).rejects.toThrow();
  });
});
