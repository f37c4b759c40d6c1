import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_STATUS_RULES, normaliseStatusText, readCrmStatus, statusRulesSchema, type StatusRule } from '@/lib/domain/status-rules';

// The dealer's CRM status rules, and the status texts no rule knows yet (for Options to offer
// for mapping). Their own storage items: written by Options and by the worker, never by pages.

/** Null until the dealer saves rules of their own: the defaults then follow new versions. */
export const statusRulesItem = storage.defineItem<unknown>('local:statusRules', { fallback: null });

export async function readStatusRules(): Promise<StatusRule[]> {
  const parsed = statusRulesSchema.safeParse(await statusRulesItem.getValue());
  return parsed.success ? parsed.data : [...DEFAULT_STATUS_RULES];
}

/** Validates and saves; a rule list that does not validate is refused and nothing is lost. */
export async function saveStatusRules(rules: unknown): Promise<StatusRule[]> {
  const parsed = statusRulesSchema.parse(rules);
  await statusRulesItem.setValue(parsed);
  await forgetUnknownStatuses(parsed);
  return parsed;
}

/** Back to the defaults (and to following their improvements in later versions). */
export async function resetStatusRules(): Promise<StatusRule[]> {
  await statusRulesItem.setValue(null);
  return [...DEFAULT_STATUS_RULES];
}

const unknownSchema = z
  .array(z.object({ crm: z.string().max(40), text: z.string().min(1).max(100), count: z.number().int().positive(), lastAt: z.number() }))
  .max(200);
export type UnknownCrmStatus = z.infer<typeof unknownSchema>[number];

/** Most texts remembered; the least recently seen goes first. */
export const UNKNOWN_MAX = 50;

export const unknownCrmStatusesItem = storage.defineItem<unknown>('local:unknownCrmStatuses', { fallback: [] });

export async function readUnknownStatuses(): Promise<UnknownCrmStatus[]> {
  const parsed = unknownSchema.safeParse(await unknownCrmStatusesItem.getValue());
  return parsed.success ? [...parsed.data].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt) : [];
}

let queue: Promise<unknown> = Promise.resolve();
const queued = (work: () => Promise<void>): Promise<void> => {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
};

/**
 * Counts one sight of a status text no rule knows, per CRM (one text once per lead page view
 * or list row batch). Queued, so two tabs reporting at once lose no count.
 */
export function noteUnknownStatus(crm: string, text: string, at: number): Promise<void> {
  return queued(async () => {
    const all = await readUnknownStatuses();
    const same = (u: UnknownCrmStatus) => u.crm === crm && normaliseStatusText(u.text) === normaliseStatusText(text);
    const hit = all.find(same);
    const next = hit
      ? all.map((u) => (same(u) ? { ...u, count: u.count + 1, lastAt: at } : u))
      : [...all, { crm, text: text.slice(0, 100), count: 1, lastAt: at }];
    next.sort((a, b) => b.lastAt - a.lastAt);
    await unknownCrmStatusesItem.setValue(next.slice(0, UNKNOWN_MAX));
  });
}

/** Drops the remembered texts that a rule now maps. */
async function forgetUnknownStatuses(rules: readonly StatusRule[]): Promise<void> {
  return queued(async () => {
    const all = await readUnknownStatuses();
    const left = all.filter((u) => readCrmStatus(u.text, rules).kind === 'unknown');
    if (left.length !== all.length) await unknownCrmStatusesItem.setValue(left);
  });
}
