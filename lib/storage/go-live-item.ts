import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

// When Leadpace went live per CRM in this browser: leads received before it are backlog. Written
// once by the worker when a CRM is first enabled (or first used, for CRMs enabled before this
// existed); the dealer can move it in Options → CRMs.

const goLiveSchema = z.record(z.string().max(40), z.number().int().nonnegative());
export type GoLives = z.infer<typeof goLiveSchema>;

export const crmGoLiveItem = storage.defineItem<unknown>('local:crmGoLive', { fallback: {} });

export async function readGoLives(): Promise<GoLives> {
  const parsed = goLiveSchema.safeParse(await crmGoLiveItem.getValue());
  return parsed.success ? parsed.data : {};
}

let queue: Promise<unknown> = Promise.resolve();
const queued = <T>(work: () => Promise<T>): Promise<T> => {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
};

/** The CRM's go-live; if none is recorded yet, `fallback()` is recorded and returned. */
export function ensureGoLive(crm: string, fallback: () => Promise<number> | number): Promise<number> {
  return queued(async () => {
    const all = await readGoLives();
    const known = all[crm];
    if (known !== undefined) return known;
    const at = await fallback();
    await crmGoLiveItem.setValue({ ...(await readGoLives()), [crm]: at });
    return at;
  });
}

/** The dealer's own go-live for a CRM (Options → CRMs). */
export function setGoLive(crm: string, at: number): Promise<void> {
  const parsed = z.number().int().nonnegative().parse(at);
  return queued(async () => {
    await crmGoLiveItem.setValue({ ...(await readGoLives()), [crm]: parsed });
  });
}
