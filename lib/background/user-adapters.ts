import { userAdapterSchema } from '../adapters/user/schema';
import { saveUserAdapters } from '@/lib/storage/user-adapters-item';
import type { Result } from '../messaging';
import { describeIssues } from '../validation';

/**
 * Stores an adapter made with the picker. The page may only describe its own site: the origin
 * comes from the browser's sender info and must equal the adapter's.
 */
export async function saveFromPicker(raw: unknown, senderUrl: string | undefined): Promise<Result<{ id: string }>> {
  const parsed = userAdapterSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, code: 'invalid', reason: describeIssues(parsed.error, { limit: 3, whole: '(adapter)' }) };
  }
  let senderOrigin: string | null = null;
  try {
    senderOrigin = senderUrl ? new URL(senderUrl).origin : null;
  } catch {
    senderOrigin = null;
  }
  if (senderOrigin !== parsed.data.origin) {
    return { ok: false, code: 'forbidden', reason: `a page of ${senderOrigin ?? 'an unknown site'} cannot define an adapter for ${parsed.data.origin}` };
  }
  const saved = await saveUserAdapters([parsed.data]);
  return saved.ok ? { ok: true, value: { id: parsed.data.id } } : { ok: false, code: 'invalid', reason: saved.reason };
}
