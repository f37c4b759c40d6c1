import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { toldStillDue, withPage, type CrmHealth, type DriftTold } from '@/lib/domain/adapter-health';
import type { LeadSnapshot } from '@/lib/domain/model';

const pageSchema = z.object({ at: z.number(), read: z.number().int().min(0), asked: z.number().int().min(0) });
const healthSchema = z.record(
  z.string(),
  z.object({
    pages: z.array(pageSchema).max(100),
    lastLead: z.object({ at: z.number(), leadId: z.string() }).optional(),
    name: z.string().max(200).optional(),
  }),
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
export function noteLeadPage(snapshot: LeadSnapshot, at: number, asked: number = SNAPSHOT_FIELDS, name?: string): Promise<void> {
  const next = queue.then(async () => {
    const all = await readCrmHealth();
    const read = Math.max(0, asked - snapshot.missing.length);
    all[snapshot.crm] = withPage(all[snapshot.crm], { at, read, asked }, snapshot.leadId, name);
    await crmHealthItem.setValue(all);
  });
  queue = next.catch(() => undefined);
  return next;
}

export const driftToldItem = storage.defineItem<unknown>('local:crmDriftTold', { fallback: {} });
const toldSchema = z.record(z.string(), z.number());

/** When the popup told the rep about each CRM's drop; CRMs that read well again are forgotten. */
export async function readDriftTold(all: Record<string, CrmHealth>): Promise<DriftTold> {
  const parsed = toldSchema.safeParse(await driftToldItem.getValue());
  return toldStillDue(all, parsed.success ? parsed.data : {});
}

/** The rep has seen the drop of `crm` (dismissed it or captured the page): do not repeat it. */
export async function markDriftTold(crm: string, at: number): Promise<void> {
  const all = await readCrmHealth();
  const told = await readDriftTold(all);
  await driftToldItem.setValue({ ...told, [crm]: at });
}
