import { crmReadingTimeZone } from '@/lib/adapters/parse-date';
import type { PanelStore } from '@/lib/content/panel-store';
import { zoneNoticeFor } from '@/lib/content/zone-notice';
import type { LeadSnapshot } from '@/lib/domain/model';
import { wallTimeIn, type ZoneSample } from '@/lib/domain/zone-check';
import { browserTimeZone } from '@/lib/settings';

/** A creation time that lies ahead of now, as the zone-less wall time it was read from. */
function createdSample(snapshot: LeadSnapshot, zone: string, now: number): ZoneSample[] {
  const at = snapshot.receivedAt ? Date.parse(snapshot.receivedAt) : Number.NaN;
  if (!(at > now)) return [];
  const wall = wallTimeIn(at, zone);
  return wall ? [{ kind: 'created', wall }] : [];
}

/**
 * Checks, once the page is idle, whether the page's own times fit the dealer zone, and puts the
 * answer in the panel. Never on the way to the panel's first frame: the notice can wait.
 */
export function checkZoneWhenIdle(snapshot: LeadSnapshot, store: PanelStore, signal: AbortSignal): void {
  const run = () => {
    if (signal.aborted) return;
    const zone = crmReadingTimeZone();
    const now = Date.now();
    void zoneNoticeFor({
      crm: snapshot.crm,
      dealerZone: zone,
      browserZone: browserTimeZone(),
      root: document,
      now: new Date(now),
      extra: createdSample(snapshot, zone, now),
    })
      .then((zoneNotice) => {
        if (!signal.aborted && store.getState().snapshot?.leadId === snapshot.leadId) store.setState({ zoneNotice });
      })
      .catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2_000 });
  else setTimeout(run, 300);
}
