import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { withPage, type CrmHealth } from '../domain/adapter-health';
import type { LeadSnapshot } from '../domain/model';

const pageSchema = z.object({ at: z.number(), read: z.number().int().min(0), asked: z.number().int().min(0) });
const healthSchema = z.record(
  z.string(),
  z.object({ pages: z.array(pageSchema).max(100), lastLead: z.object({ at: z.number(), leadId: z.string() }).optional() }),
);

export const crmHealthItem = storage.defineItem<unknown>('local:crmHealth', { fallback: {} });

export async function readCrmHealth(): Promise<Record<string, CrmHealth>> {
  const parsed = healthSchema.safeParse(await crmHealthItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** Fields every snapshot may report missing; a user adapter asks only for what was marked. */
const SNAPSHOT_FIELDS = 6;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Notes one lead page: how many of the fields the adapter looks for it read. Writes are
 * queued so two tabs reporting at once do not lose a page.
 */
export function noteLeadPage(snapshot: LeadSnapshot, at: number, asked: number = SNAPSHOT_FIELDS): Promise<void> {
  const next = queue.then(async () => {
    const all = await readCrmHealth();
    const read = Math.max(0, asked - snapshot.missing.length);
    all[snapshot.crm] = withPage(all[snapshot.crm], { at, read, asked }, snapshot.leadId);
    await crmHealthItem.setValue(all);
  });
  queue = next.catch(() => undefined);
  return next;
}
