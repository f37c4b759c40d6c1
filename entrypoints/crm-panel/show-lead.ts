import { reportSeen } from '@/lib/content/client';
import type { PanelStore } from '@/lib/content/panel-store';
import { leadKey, type LeadSnapshot } from '@/lib/domain/model';
import type { PanelMount } from './panel-mount';
import { checkZoneWhenIdle } from './zone-watch';

/** Marks the host with what the page showed, so tests and the rep's own tools can read it. */
function describeHost(host: HTMLElement, snapshot: LeadSnapshot): void {
  host.setAttribute('data-crm', snapshot.crm);
  host.setAttribute('data-lead-id', snapshot.leadId);
  host.setAttribute('data-source', snapshot.source ?? 'other');
  if (snapshot.receivedAt) host.setAttribute('data-received-at', new Date(snapshot.receivedAt).toISOString());
  else host.removeAttribute('data-received-at');
}

/**
 * Shows a lead the page shows: the snapshot at once (the first frame needs nothing from the
 * background), then the background's view of it. The page did show the lead, so it is reported
 * seen even if the rep moves on meanwhile; the answer is applied only while `signal` holds (the
 * rep is still on that URL) and no other lead took the panel.
 */
export async function showLead(snapshot: LeadSnapshot, panel: PanelMount, store: PanelStore, signal: AbortSignal): Promise<void> {
  const key = leadKey(snapshot.crm, snapshot.leadId);
  const previous = store.getState().view;
  const same = previous?.key === key;
  store.setState({
    snapshot,
    view: same ? previous : null,
    error: null,
    notice: null,
    ...(same ? {} : { logging: null, pendingCall: false }),
  });
  checkZoneWhenIdle(snapshot, store, signal);
  const mounted = await panel.mount();
  const host = mounted.shadowHost;
  describeHost(host, snapshot);
  const result = await reportSeen(snapshot);
  if (signal.aborted || store.getState().snapshot?.leadId !== snapshot.leadId) return; // switched meanwhile
  if (result.ok) {
    store.setState({ view: result.value, error: null });
    host.setAttribute('data-source', result.value.source);
  } else store.setState({ error: { code: result.code, reason: result.reason } });
}
