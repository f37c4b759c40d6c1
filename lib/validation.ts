import type { z } from 'zod';

/**
 * A zod failure as one line a person can act on: `path: message; …`, the first few issues only
 * (one bad field usually explains the rest). `whole` names an issue about the value itself.
 */
export function describeIssues(error: z.ZodError, options: { limit?: number; whole?: string } = {}): string {
  const { limit = 5, whole = '(value)' } = options;
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || whole}: ${issue.message}`)
    .join('; ');
}
