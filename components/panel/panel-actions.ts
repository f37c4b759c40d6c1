import type { PanelResult } from '@/lib/content/client';
import type { PanelStore } from '@/lib/content/panel-store';
import type { LeadView } from '@/lib/domain/lead';
import type { Channel, LeadStatus, LostReason, Outcome } from '@/lib/domain/model';
import type { ProtocolMap } from '@/lib/messaging';

export type Ask = <K extends 'lead/get' | 'attempt/log' | 'attempt/undo' | 'status/change' | 'note/save'>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
) => Promise<PanelResult<LeadView>>;

/** Runs one background request and folds its answer into the panel's state. */
async function run(store: PanelStore, request: () => Promise<PanelResult<LeadView>>, notice?: string) {
  store.setState({ busy: true });
  const result = await request();
  if (result.ok) {
    store.setState({ view: result.value, error: null, busy: false, notice: notice ?? null });
  } else {
    store.setState({ error: { code: result.code, reason: result.reason }, busy: false });
  }
  return result.ok;
}

const keyOf = (store: PanelStore): string | null => store.getState().view?.key ?? null;

export function logAttempt(store: PanelStore, ask: Ask, channel: Channel, outcome: Outcome, notice: string) {
  const leadKey = keyOf(store);
  if (!leadKey) return Promise.resolve(false);
  const script = store.getState().activeScript ?? undefined;
  store.setState({ logging: null, pendingCall: false });
  return run(store, () => ask('attempt/log', { leadKey, channel, outcome, script }), notice);
}

export function undoAttempt(store: PanelStore, ask: Ask, notice: string) {
  const view = store.getState().view;
  if (!view?.undoableAttemptId) return Promise.resolve(false);
  const attemptId = view.undoableAttemptId;
  return run(store, () => ask('attempt/undo', { leadKey: view.key, attemptId }), notice);
}

export function changeStatus(store: PanelStore, ask: Ask, status: LeadStatus, lostReason?: LostReason) {
  const leadKey = keyOf(store);
  if (!leadKey) return Promise.resolve(false);
  return run(store, () => ask('status/change', { leadKey, status, lostReason }));
}

export function refresh(store: PanelStore, ask: Ask) {
  const leadKey = keyOf(store);
  if (!leadKey) return Promise.resolve(false);
  return run(store, () => ask('lead/get', { leadKey }));
}

export function saveNote(store: PanelStore, ask: Ask, text: string, notice: string) {
  const leadKey = keyOf(store);
  if (!leadKey) return Promise.resolve(false);
  return run(store, () => ask('note/save', { leadKey, text }), notice);
}
