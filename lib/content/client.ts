import { browser } from 'wxt/browser';
import type { LeadView } from '../domain/lead';
import type { LeadSnapshot } from '../domain/model';
import { sendMessage, type ErrorCode, type ProtocolMap, type Result } from '../messaging';

/** Errors the panel can explain: the protocol's, plus the two a content script meets alone. */
export type PanelErrorCode = ErrorCode | 'updated' | 'unavailable';
export type PanelResult<T> = { ok: true; value: T } | { ok: false; code: PanelErrorCode; reason: string };

/** True when this content script outlived its extension (updated, reloaded or removed). */
export function extensionContextGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

function fromThrown(error: unknown): PanelResult<never> {
  const reason = error instanceof Error ? error.message : String(error);
  if (extensionContextGone() || /context invalidated/i.test(reason)) return { ok: false, code: 'updated', reason };
  // "Could not establish connection. Receiving end does not exist." and friends.
  return { ok: false, code: 'unavailable', reason };
}

type LeadMessage = 'lead/seen' | 'lead/get' | 'attempt/log' | 'attempt/undo' | 'status/change' | 'note/save';

/** Sends a message to the background and never throws into the CRM page. */
export async function ask<K extends LeadMessage>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
): Promise<PanelResult<LeadView>> {
  if (extensionContextGone()) return { ok: false, code: 'updated', reason: 'extension context gone' };
  try {
    const result: Result<LeadView> = await (sendMessage as (t: K, d: typeof data) => Promise<Result<LeadView>>)(type, data);
    return result;
  } catch (error) {
    return fromThrown(error);
  }
}

export const reportSeen = (snapshot: LeadSnapshot) => ask('lead/seen', snapshot);
