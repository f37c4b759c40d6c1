import type { Kysely } from 'kysely';
import { ADAPTER_OVERRIDE_KIND, adapterOverrideSchema, type AdapterOverride } from '../../lib/adapters/overrides/schema';
import { USER_ADAPTER_PREFIX, type UserAdapter } from '../../lib/adapters/user/schema';
import { publishableUserAdapterSchema } from '../../lib/adapters/user/team-schema';
import { MAX_TEAM_OVERRIDES, type TeamAdapterOverride, type TeamUserAdapter } from '../../lib/sync/adapter-overrides';
import type { Db } from '../db/connect';
import type { Database } from '../db/schema';
import { recordAdapterOverrideChange } from './audit';
import { DataError } from './errors';

/** The table migration 010 adds, for Kysely's typing of these queries. */
export type AdapterOverrideTables = {
  adapter_overrides: {
    team_id: string;
    crm: string;
    version: number;
    /** The fix (or, for a user-… id, the whole user adapter) as JSON; null once withdrawn. */
    body: string | null;
    updated_by: string;
    member_id: string | null;
    updated_at: number;
  };
};

type OverridesDb = Kysely<Database & AdapterOverrideTables>;
const overridesDb = (db: Db): OverridesDb => db.kysely.withTables<AdapterOverrideTables>();

export interface TeamOverrideList {
  overrides: TeamAdapterOverride[];
  userAdapters: TeamUserAdapter[];
  /** Changes with every publication and withdrawal: the ETag's content. */
  tag: string;
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Every fix and published user adapter in force for the team; a row that no longer validates is left out. */
export async function readTeamOverrides(db: Db, teamId: string): Promise<TeamOverrideList> {
  const rows = await overridesDb(db)
    .selectFrom('adapter_overrides')
    .select(['crm', 'version', 'body', 'updated_by', 'updated_at'])
    .where('team_id', '=', teamId)
    .orderBy('crm')
    .execute();
  const overrides: TeamAdapterOverride[] = [];
  const userAdapters: TeamUserAdapter[] = [];
  for (const row of rows) {
    if (row.body === null) continue;
    const raw = parseBody(row.body);
    const meta = { version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
    if (row.crm.startsWith(USER_ADAPTER_PREFIX)) {
      const parsed = publishableUserAdapterSchema.safeParse(raw);
      if (parsed.success && parsed.data.id === row.crm) userAdapters.push({ id: row.crm, adapter: parsed.data, ...meta });
    } else {
      const parsed = adapterOverrideSchema.safeParse(raw);
      if (parsed.success) overrides.push({ crm: row.crm, override: parsed.data, ...meta });
    }
  }
  return { overrides, userAdapters, tag: rows.map((row) => `${row.crm}.${row.version}`).join('_') };
}

export interface OverrideChange {
  teamId: string;
  /** A built-in CRM's id, or a published user adapter's user-… id. */
  crm: string;
  /** The new fix or user adapter, or null to withdraw the current one. */
  override: AdapterOverride | UserAdapter | null;
  updatedBy: string;
  memberId: string | null;
}

/** The row's JSON, checked again here: the table must never hold what a member could not read. */
function bodyOf(change: OverrideChange): string | null {
  const value = change.override;
  if (value === null) return null;
  if (value.kind === ADAPTER_OVERRIDE_KIND) {
    const parsed = adapterOverrideSchema.safeParse(value);
    if (!parsed.success) throw new DataError('invalid', 'the fix does not validate');
    if (parsed.data.crm !== change.crm) throw new DataError('invalid', `the fix is for ${parsed.data.crm}, not ${change.crm}`);
    return JSON.stringify(parsed.data);
  }
  const parsed = publishableUserAdapterSchema.safeParse(value);
  if (!parsed.success) throw new DataError('invalid', 'the adapter does not validate');
  if (parsed.data.id !== change.crm) throw new DataError('invalid', `the adapter is ${parsed.data.id}, not ${change.crm}`);
  return JSON.stringify(parsed.data);
}

/**
 * Publishes or withdraws a team's fix of one CRM as the next version. The version in the
 * WHERE makes a concurrent change of the same CRM lose with a conflict, never a silent merge.
 */
export async function changeTeamOverride(db: Db, change: OverrideChange, now: number): Promise<{ version: number; withdrawn: boolean }> {
  const body = bodyOf(change);
  const updatedBy = change.updatedBy.trim().slice(0, 80);
  const version = await overridesDb(db)
    .transaction()
    .execute(async (trx) => {
      const current = await trx
        .selectFrom('adapter_overrides')
        .select(['version', 'body'])
        .where('team_id', '=', change.teamId)
        .where('crm', '=', change.crm)
        .executeTakeFirst();
      if (!current) {
        if (body === null) throw new DataError('not_found', `the team has no fix for ${change.crm}`);
        const count = await trx
          .selectFrom('adapter_overrides')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('team_id', '=', change.teamId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_TEAM_OVERRIDES) throw new DataError('invalid', `a team keeps at most ${MAX_TEAM_OVERRIDES} fixes`);
        const inserted = await trx
          .insertInto('adapter_overrides')
          .values({ team_id: change.teamId, crm: change.crm, version: 1, body, updated_by: updatedBy, member_id: change.memberId, updated_at: now })
          .onConflict((oc) => oc.columns(['team_id', 'crm']).doNothing())
          .executeTakeFirst();
        if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) throw new DataError('conflict', `someone else changed the fix for ${change.crm} at the same time`);
        return 1;
      }
      if (body === null && current.body === null) throw new DataError('not_found', `the team has no fix for ${change.crm}`);
      const next = current.version + 1;
      const updated = await trx
        .updateTable('adapter_overrides')
        .set({ version: next, body, updated_by: updatedBy, member_id: change.memberId, updated_at: now })
        .where('team_id', '=', change.teamId)
        .where('crm', '=', change.crm)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new DataError('conflict', `someone else changed the fix for ${change.crm} at the same time`);
      return next;
    });
  const fields = change.override ? Object.keys(change.override.fields).sort() : ['withdrawn'];
  await recordAdapterOverrideChange(db, { teamId: change.teamId, memberId: change.memberId, adapter: change.crm, settings: fields }, now);
  return { version, withdrawn: body === null };
}
