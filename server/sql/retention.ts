import { subMonths } from 'date-fns';
import type { Db } from '../db/connect';
import { auditDb, recordAudit, type AuditDb } from './audit';
import { DataError } from './errors';

export const MAX_RETENTION_MONTHS = 120;

// Deletion works on whole leads: a lead's events and facts go together once its newest event
// is past the cutoff. Cutting a lead's history in the middle would leave facts that no longer
// match their events, and a fold that could tell a different story on the next push.

const CHUNK = 500;

async function deleteLeads(trx: AuditDb, teamId: string, memberId: string, leads: readonly string[]): Promise<number> {
  let events = 0;
  for (let i = 0; i < leads.length; i += CHUNK) {
    const chunk = leads.slice(i, i + CHUNK);
    const deleted = await trx
      .deleteFrom('events')
      .where('team_id', '=', teamId)
      .where('member_id', '=', memberId)
      .where('lead', 'in', chunk)
      .executeTakeFirst();
    events += Number(deleted.numDeletedRows);
    await trx.deleteFrom('lead_facts').where('team_id', '=', teamId).where('member_id', '=', memberId).where('lead', 'in', chunk).execute();
  }
  return events;
}

/** Figures are computed per request from lead_facts; the revision bump drops cached boards. */
async function bumpRevision(trx: AuditDb, teamId: string): Promise<void> {
  await trx
    .updateTable('teams')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', teamId)
    .execute();
}

export interface RetentionResult {
  teamId: string;
  retentionMonths: number;
  cutoff: number;
  leads: number;
  events: number;
}

/** Deletes one team's leads whose newest event is older than its retention. */
export async function purgeExpiredForTeam(db: Db, teamId: string, now = Date.now()): Promise<RetentionResult> {
  return auditDb(db)
    .transaction()
    .execute(async (trx) => {
      const team = await trx.selectFrom('teams').select('retention_months').where('id', '=', teamId).executeTakeFirst();
      if (!team) throw new DataError('not_found', `no team ${teamId}`);
      const cutoff = subMonths(now, team.retention_months).getTime();
      const expired = await trx
        .selectFrom('events')
        .select(['member_id', 'lead'])
        .where('team_id', '=', teamId)
        .groupBy(['member_id', 'lead'])
        .having((eb) => eb.fn.max('at'), '<', cutoff)
        .execute();
      const byMember = new Map<string, string[]>();
      for (const row of expired) byMember.set(row.member_id, [...(byMember.get(row.member_id) ?? []), row.lead]);
      let events = 0;
      for (const [memberId, leads] of byMember) events += await deleteLeads(trx, teamId, memberId, leads);
      if (expired.length > 0) await bumpRevision(trx, teamId);
      return { teamId, retentionMonths: team.retention_months, cutoff, leads: expired.length, events };
    });
}

/** Every team in turn (one transaction each, so one team's purge never blocks all). */
export async function purgeExpired(db: Db, now = Date.now()): Promise<RetentionResult[]> {
  const teams = await db.kysely.selectFrom('teams').select('id').orderBy('id').execute();
  const results: RetentionResult[] = [];
  for (const team of teams) results.push(await purgeExpiredForTeam(db, team.id, now));
  return results;
}

export async function setRetentionMonths(db: Db, input: { teamId: string; months: number; memberId: string | null }, now = Date.now()): Promise<{ from: number; to: number }> {
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_RETENTION_MONTHS) {
    throw new DataError('invalid', `retention must be a whole number of months from 1 to ${MAX_RETENTION_MONTHS}`);
  }
  return auditDb(db)
    .transaction()
    .execute(async (trx) => {
      const team = await trx.selectFrom('teams').select('retention_months').where('id', '=', input.teamId).executeTakeFirst();
      if (!team) throw new DataError('not_found', `no team ${input.teamId}`);
      await trx.updateTable('teams').set({ retention_months: input.months }).where('id', '=', input.teamId).execute();
      if (team.retention_months !== input.months) {
        await recordAudit(
          trx,
          { teamId: input.teamId, memberId: input.memberId, kind: 'retention', from: String(team.retention_months), to: String(input.months) },
          now,
        );
      }
      return { from: team.retention_months, to: input.months };
    });
}

/**
 * Deletes every event and lead fact of a member who has been removed (on the member's
 * request). Tokens and pairing codes went at removal; pull cursors are never stored (they are
 * derived per request), so none remain. Other members' data is untouched.
 */
export async function purgeMember(db: Db, memberId: string, now = Date.now()): Promise<{ memberId: string; teamId: string; events: number; leads: number }> {
  return auditDb(db)
    .transaction()
    .execute(async (trx) => {
      const member = await trx.selectFrom('members').select(['team_id', 'removed_at']).where('id', '=', memberId).executeTakeFirst();
      if (!member) throw new DataError('not_found', `no member ${memberId}`);
      if (member.removed_at === null) throw new DataError('conflict', `member ${memberId} is still active: run "member remove" first`);
      const teamId = member.team_id;
      const deleted = await trx.deleteFrom('events').where('team_id', '=', teamId).where('member_id', '=', memberId).executeTakeFirst();
      const facts = await trx.deleteFrom('lead_facts').where('team_id', '=', teamId).where('member_id', '=', memberId).executeTakeFirst();
      // Belt and braces: removal already deleted these.
      await trx.deleteFrom('tokens').where('member_id', '=', memberId).execute();
      await trx.deleteFrom('pairing_codes').where('member_id', '=', memberId).execute();
      await bumpRevision(trx, teamId);
      await recordAudit(trx, { teamId, memberId: null, kind: 'member_purged' }, now);
      return { memberId, teamId, events: Number(deleted.numDeletedRows), leads: Number(facts.numDeletedRows) };
    });
}
