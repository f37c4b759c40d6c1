import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { auditKindSchema, type AuditEntry, type AuditKind, type AuditPage } from '../../lib/sync/team-audit';
import type { TeamSettingsValues } from '../../lib/sync/team-settings';
import { memberRoleSchema, visibilitySchema, type Visibility } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import type { Database } from '../db/schema';
import { pseudonyms } from '../domain/visibility';
import { DataError } from './errors';

/** The tables migration 008 adds or extends, for Kysely's typing of these queries. */
export type AuditTables = {
  audit_log: {
    id: string;
    team_id: string;
    at: number;
    /** Null for the admin CLI. */
    member_id: string | null;
    kind: string;
    /** JSON array of setting names (or the adapter id). */
    changed: string;
    from_value: string | null;
    to_value: string | null;
    version: number | null;
  };
  teams: { retention_months: number };
};

export type AuditDb = Kysely<Database & AuditTables>;
export const auditDb = (db: Db): AuditDb => db.kysely.withTables<AuditTables>();

export interface AuditRecord {
  teamId: string;
  memberId: string | null;
  kind: AuditKind;
  changed?: readonly string[];
  from?: string | null;
  to?: string | null;
  version?: number | null;
}

/**
 * Appends one entry. Takes a Kysely handle so callers can write it inside the transaction of
 * the change itself: a change without its entry, or an entry without its change, never exists.
 */
export async function recordAudit(k: QueryExecutorProvider, entry: AuditRecord, now: number): Promise<void> {
  // Plain SQL so any caller's transaction fits, whatever tables its Kysely type knows.
  const changed = JSON.stringify(entry.changed ?? []);
  await sql`INSERT INTO audit_log (id, team_id, at, member_id, kind, changed, from_value, to_value, version)
    VALUES (${uuidv7({ msecs: now })}, ${entry.teamId}, ${now}, ${entry.memberId}, ${entry.kind}, ${changed},
            ${entry.from ?? null}, ${entry.to ?? null}, ${entry.version ?? null})`.execute(k);
}

/** For code outside a transaction, e.g. a future adapter-override store. */
export async function recordAdapterOverrideChange(
  db: Db,
  input: { teamId: string; memberId: string | null; adapter: string; settings: readonly string[] },
  now = Date.now(),
): Promise<void> {
  await recordAudit(auditDb(db), { teamId: input.teamId, memberId: input.memberId, kind: 'adapter_override', changed: [input.adapter, ...input.settings] }, now);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Names of the settings that differ: `cadence.firstAttemptSlaMs` for a field inside a group,
 * the group's own name for lists and plain values. Values themselves are not recorded.
 */
export function changedSettingNames(before: TeamSettingsValues, after: TeamSettingsValues): string[] {
  const names: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const a: Record<string, unknown> = { ...before };
  const b: Record<string, unknown> = { ...after };
  for (const key of [...keys].sort()) {
    const x = a[key];
    const y = b[key];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (isPlainObject(x) && isPlainObject(y)) {
      for (const sub of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
        if (JSON.stringify(x[sub]) !== JSON.stringify(y[sub])) names.push(`${key}.${sub}`);
      }
    } else {
      names.push(key);
    }
  }
  return names;
}

/** Changes the visibility mode and records old → new in the same transaction. */
export async function changeVisibility(
  db: Db,
  input: { teamId: string; mode: Visibility; memberId: string | null },
  now = Date.now(),
): Promise<{ from: Visibility; to: Visibility }> {
  return auditDb(db)
    .transaction()
    .execute(async (trx) => {
      const team = await trx.selectFrom('teams').select('visibility').where('id', '=', input.teamId).executeTakeFirst();
      if (!team) throw new DataError('not_found', `no team ${input.teamId}`);
      const from = visibilitySchema.catch('pseudonymous').parse(team.visibility);
      await trx
        .updateTable('teams')
        .set((eb) => ({ visibility: input.mode, revision: eb('revision', '+', 1) }))
        .where('id', '=', input.teamId)
        .execute();
      if (from !== input.mode) {
        await recordAudit(trx, { teamId: input.teamId, memberId: input.memberId, kind: 'visibility', from, to: input.mode }, now);
      }
      return { from, to: input.mode };
    });
}

const parseChanged = (text: string): string[] => {
  try {
    const raw: unknown = JSON.parse(text);
    return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * One page of the team's history, newest first; `before` is the id of the last entry of the
 * previous page. Members are named as a manager sees them, plus their stable pseudonym.
 */
export async function readAudit(db: Db, teamId: string, page: { before: string | null; limit: number }): Promise<AuditPage> {
  const k = auditDb(db);
  let query = k
    .selectFrom('audit_log')
    .select(['id', 'at', 'member_id', 'kind', 'changed', 'from_value', 'to_value', 'version'])
    .where('team_id', '=', teamId)
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.before !== null) query = query.where('id', '<', page.before);
  const rows = await query.execute();
  const team = await k.selectFrom('teams').select('pseudonym_salt').where('id', '=', teamId).executeTakeFirst();
  const members = await k.selectFrom('members').select(['id', 'name', 'role']).where('team_id', '=', teamId).execute();
  const labels = pseudonyms(
    members.map((m) => m.id),
    team?.pseudonym_salt ?? '',
  );
  const byId = new Map(members.map((m) => [m.id, m]));
  const entries: AuditEntry[] = [];
  for (const row of rows.slice(0, page.limit)) {
    const kind = auditKindSchema.safeParse(row.kind);
    if (!kind.success) continue;
    const member = row.member_id === null ? undefined : byId.get(row.member_id);
    const role = memberRoleSchema.safeParse(member?.role);
    entries.push({
      id: row.id,
      at: row.at,
      actor: member && role.success ? { pseudonym: labels.get(member.id) ?? 'Rep', name: member.name, role: role.data } : null,
      kind: kind.data,
      changed: parseChanged(row.changed),
      from: row.from_value,
      to: row.to_value,
      version: row.version,
    });
  }
  const last = entries.at(-1);
  return { entries, next: rows.length > page.limit && last ? last.id : null };
}
