import { goLiveForExisting } from '../domain/backlog';
import type { LeadpaceDb } from '../db/schema';
import type { CrmFollow } from '../db/writes';
import { ensureGoLive } from '@/lib/storage/go-live-item';
import { readSettings } from '../settings';
import { readStatusRules } from '@/lib/storage/status-rules-item';

/** The first time Leadpace saw any lead of this CRM in this browser, or null. */
export async function earliestFirstSeen(db: LeadpaceDb, crm: string): Promise<number | null> {
  let earliest: number | null = null;
  await db.leads
    .where('key')
    .startsWith(`${crm}:`)
    .each((lead) => {
      if (earliest === null || lead.firstSeenAt < earliest) earliest = lead.firstSeenAt;
    });
  return earliest;
}

/**
 * How the worker follows a CRM: the dealer's status rules and the CRM's go-live. A CRM enabled
 * before go-live was recorded gets one now, from the day of its first lead (else today), so the
 * leads it already tracked stay the new work they were and only older ones found later are
 * backlog.
 */
export async function crmFollowFromStorage(db: LeadpaceDb, crm: string, now: number): Promise<CrmFollow> {
  const [statusRules, goLiveAt] = await Promise.all([readStatusRules(), recordGoLive(db, crm, now)]);
  return { statusRules, goLiveAt };
}

/**
 * The CRM's go-live, recorded the first time it is asked for: when the CRM is enabled (the
 * start of that day in the dealer's zone) or, for a CRM enabled before go-live existed, at its
 * first use since.
 */
export async function recordGoLive(db: LeadpaceDb, crm: string, now: number): Promise<number> {
  return ensureGoLive(crm, async () => {
    const [settings, earliest] = await Promise.all([readSettings(), earliestFirstSeen(db, crm)]);
    return goLiveForExisting(earliest, now, settings.openingHours.timeZone);
  });
}
