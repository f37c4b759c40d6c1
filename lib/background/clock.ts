import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

declare const __LEADPACE_TEST_HOOKS__: boolean;

/**
 * The worker's clock. Only the test build (`npm run build:e2e`) lets a test pin "now", so the
 * end-to-end tests can move a lead past its SLA; the store build always uses the real time.
 */
export const testClockItem = storage.defineItem<number | null>('local:testClock', { fallback: null });

export async function now(): Promise<number> {
  if (!__LEADPACE_TEST_HOOKS__) return Date.now();
  const pinned = z.number().nullable().catch(null).parse(await testClockItem.getValue());
  return pinned ?? Date.now();
}

export const testHooksEnabled = (): boolean => __LEADPACE_TEST_HOOKS__;
