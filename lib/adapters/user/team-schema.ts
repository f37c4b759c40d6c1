import { z } from 'zod/mini';
import { routeForUrl } from '../../crms/routes';
import { describeIssues } from '../../validation';
import { plausibleSelector } from '../overrides/schema';
import { userAdapterSchema, type UserAdapter } from './schema';

// A manager may publish a whole "Add my CRM" adapter to the team. It is the same data as an
// exported file, so it goes through the same schema; the team server, which has no selector
// engine, additionally refuses what can never be a selector, and nobody may take over a site a
// built-in adapter already reads. zod/mini: the panel reads published adapters on every CRM
// page, where classic zod would be ~26 kB gzip more to load.

export const userAdapterIdSchema = z.string().check(z.regex(/^user-[a-z0-9][a-z0-9-]{0,33}$/, 'an id like "user-garage-crm"'));

function selectorsOf(adapter: UserAdapter): string[] {
  return Object.values(adapter.fields).flatMap((list) => list ?? []);
}

/** The built-in CRM that already reads this origin, or null. */
export function builtInAt(origin: string): string | null {
  try {
    return routeForUrl(new URL(`${origin}/`))?.name ?? null;
  } catch {
    return null;
  }
}

export const publishableUserAdapterSchema = userAdapterSchema.check(
  z.refine((adapter) => selectorsOf(adapter).every(plausibleSelector), { error: 'not a valid CSS selector', path: ['fields'] }),
  z.refine((adapter) => builtInAt(adapter.origin) === null, {
    error: 'this site is read by a built-in adapter; fix that one instead',
    path: ['origin'],
  }),
);

export type PublishableParse = { ok: true; adapter: UserAdapter } | { ok: false; reason: string };

export function parsePublishableUserAdapter(raw: unknown): PublishableParse {
  const parsed = publishableUserAdapterSchema.safeParse(raw);
  return parsed.success ? { ok: true, adapter: parsed.data } : { ok: false, reason: describeIssues(parsed.error, { limit: 3, whole: '(adapter)' }) };
}
