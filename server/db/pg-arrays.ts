/**
 * PostgreSQL array literals for the batch statements' unnest() columns, built without the
 * driver's per-element work. node-postgres quotes an array element by two regex replaces and
 * grows the literal by concatenation: for a push's 500 event bodies that was half of all the
 * memory the push allocated (and the garbage collection it caused).
 *
 * Inside a double-quoted array element PostgreSQL gives a backslash one meaning: the next
 * character is taken as it is. JSON.stringify writes `"` as `\"` and `\` as `\\`, which read
 * the same way, so a JSON array of strings is already the array literal, brackets aside, when
 * those are its only escapes. Any other escape (`\n`, `\u0000`, a lone surrogate's `\ud800`)
 * would read differently, and such an array takes the element-by-element way instead.
 */

/** A backslash that escapes something other than `"` or `\` (JSON's other escapes all do). */
const OTHER_ESCAPE = /\\[^"\\]/;

const quote = (value: string): string => `"${value.replace(/[\\"]/g, '\\$&')}"`;

/** `{"a","b\"c",NULL}`: the literal of a text[] (null elements are SQL NULL). */
export function textArray(values: readonly (string | null)[]): string {
  const json = JSON.stringify(values);
  // JSON's unquoted null is also PostgreSQL's (case-insensitive) NULL element.
  if (!OTHER_ESCAPE.test(json)) return `{${json.slice(1, -1)}}`;
  return `{${values.map((v) => (v === null ? 'NULL' : quote(v))).join(',')}}`;
}

/** `{1,2,NULL}`: the literal of a bigint[] or int[], each number as the driver would write it. */
export function numberArray(values: readonly (number | null)[]): string {
  // JSON writes a finite number as String() does, in one native pass; it would write NaN and
  // Infinity as null, which must fail as they do through the driver, not become NULL.
  if (values.every((v) => v === null || Number.isFinite(v))) return `{${JSON.stringify(values).slice(1, -1)}}`;
  return `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
}
