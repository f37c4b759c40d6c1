import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { RETENTION_DEFAULT_DAYS, retentionDaysSchema } from '@/lib/domain/retention';

/** How many days untouched leads keep their customer details (Options → Privacy). */
export const retentionDaysItem = storage.defineItem<unknown>('local:retentionDays', { fallback: RETENTION_DEFAULT_DAYS });

/** The stored period through zod: a corrupted value means the default, never "keep forever". */
export async function readRetentionDays(): Promise<number> {
  const parsed = retentionDaysSchema.safeParse(await retentionDaysItem.getValue());
  return parsed.success ? parsed.data : RETENTION_DEFAULT_DAYS;
}

/** Saves a period of 30 to 3650 whole days; anything else throws and stores nothing. */
export async function saveRetentionDays(days: number): Promise<number> {
  const valid = retentionDaysSchema.parse(days);
  await retentionDaysItem.setValue(valid);
  return valid;
}

const retentionRunSchema = z.object({ lastRunAt: z.number().int().nonnegative() });

/** When the daily retention run last completed; written only after every batch is done. */
export const retentionRunItem = storage.defineItem<unknown>('local:retentionRun', { fallback: null });

export async function readLastRetentionRun(): Promise<number | null> {
  const parsed = retentionRunSchema.safeParse(await retentionRunItem.getValue());
  return parsed.success ? parsed.data.lastRunAt : null;
}

export async function recordRetentionRun(at: number): Promise<void> {
  await retentionRunItem.setValue(retentionRunSchema.parse({ lastRunAt: at }));
}
