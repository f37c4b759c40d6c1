import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { capText, describeIssues, MAX_REASON_CHARS } from '@/lib/validation';

describe('describeIssues', () => {
  it.each([
    ['a wrong type', z.object({ at: z.number() }), { at: 'x' }, /^at: /],
    ['the whole value', z.number(), 'x', /^\(value\): /],
    ['nested paths', z.object({ a: z.array(z.object({ b: z.string() })) }), { a: [{ b: 1 }] }, /^a\.0\.b: /],
  ])('names %s', (_label, schema, value, expected) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(expected);
  });

  it('caps a huge unknown key and the whole line', () => {
    const huge = 'k'.repeat(400 * 1024);
    const result = z.strictObject({ a: z.string() }).safeParse({ a: 'x', [huge]: 1, [`${huge}2`]: 2 });
    expect(result.success).toBe(false);
    if (!result.success) {
      const line = describeIssues(result.error);
      expect(line.length).toBeLessThanOrEqual(MAX_REASON_CHARS);
      expect(line).toMatch(/…$/);
    }
    const path = z.object({ [huge]: z.string() }).safeParse({ [huge]: 1 });
    if (!path.success) expect(describeIssues(path.error).length).toBeLessThanOrEqual(MAX_REASON_CHARS);
  });

  it('keeps short lines whole and honours limit and max', () => {
    const result = z.object({ a: z.string(), b: z.string(), c: z.string() }).safeParse({});
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeIssues(result.error, { limit: 2 }).split('; ')).toHaveLength(2);
      expect(describeIssues(result.error, { max: 20 }).length).toBeLessThanOrEqual(20);
    }
  });
});

describe('capText', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven char', 10, 'eleven ch…'],
    ['😀😀😀😀😀😀', 4, '😀…'],
  ])('%s to %i', (text, max, expected) => {
    expect(capText(text, max)).toBe(expected);
  });
});
