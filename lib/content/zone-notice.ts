import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { checkDealerZone, type ZoneSample } from '../domain/zone-check';
import { collectZoneSamples } from './zone-samples';

/** What the panel's one-line zone notice says. */
export interface ZoneNotice {
  crm: string;
  dealerZone: string;
  /** Page offset minus dealer offset, in minutes: exact when `exact`, else the least it can be. */
  minutes: number;
  exact: boolean;
  /** The browser's own zone when it explains the page, a likely fix. */
  fittingBrowserZone: string | null;
}

// zod/mini: the panel reads it, and classic zod would be ~26 kB gzip more on every CRM page.
const dismissedSchema = z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(100)));

/**
 * CRMs whose zone notice the rep dismissed, with the dealer zone it was about: a notice about
 * another zone (the dealer changed it, and it still does not fit) shows again.
 */
export const zoneNoticeDismissedItem = storage.defineItem<Record<string, string>>('local:zoneNoticeDismissed', { fallback: {} });

async function dismissedZone(crm: string): Promise<string | undefined> {
  const parsed = dismissedSchema.safeParse(await zoneNoticeDismissedItem.getValue().catch(() => ({})));
  return parsed.success ? parsed.data[crm] : undefined;
}

export async function dismissZoneNotice(notice: ZoneNotice): Promise<void> {
  const parsed = dismissedSchema.safeParse(await zoneNoticeDismissedItem.getValue().catch(() => ({})));
  await zoneNoticeDismissedItem.setValue({ ...(parsed.success ? parsed.data : {}), [notice.crm]: notice.dealerZone });
}

export interface ZoneNoticeInput {
  crm: string;
  dealerZone: string;
  browserZone: string | undefined;
  root: ParentNode;
  now: Date;
  /** Evidence the adapter found (a creation time read in the dealer zone). */
  extra?: readonly ZoneSample[];
}

/**
 * The notice for this page, or null: shown only when the page's own times disagree with the
 * dealer zone by a whole number of hours (or by the step of a real zone that fits, such as
 * India's half hour), and the rep has not dismissed it for this CRM and zone.
 */
export async function zoneNoticeFor({ crm, dealerZone, browserZone, root, now, extra = [] }: ZoneNoticeInput): Promise<ZoneNotice | null> {
  const samples = [...collectZoneSamples(root, now), ...extra];
  if (samples.length === 0) return null;
  const verdict = checkDealerZone({ samples, dealerZone, now: now.getTime(), preferred: browserZone ? [browserZone] : [] });
  if (verdict.kind !== 'disagrees') return null;
  if (!verdict.wholeHours && verdict.fittingZones.length === 0) return null;
  if ((await dismissedZone(crm)) === dealerZone) return null;
  return {
    crm,
    dealerZone,
    minutes: verdict.offsetMinutes ?? verdict.atLeastMinutes,
    exact: verdict.offsetMinutes !== null,
    fittingBrowserZone: browserZone && verdict.fittingZones.includes(browserZone) ? browserZone : null,
  };
}
