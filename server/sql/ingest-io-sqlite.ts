import type SQLite from 'better-sqlite3';
import type { FactRow, IngestIo, LeadRow } from './ingest-io';

// SQLite runs in this process: a statement costs no round trip, but preparing one does, and
// Kysely prepares every statement it runs (a 500-row VALUES list is prepared anew on each
// push). So each statement here is prepared once per database and run once per row, inside
// the Kysely transaction that holds the one connection.

const SQL = {
  rollupKey: 'select settings_key as key from daily_rollup_settings where team_id = ?',
  known: 'select 1 from events where team_id = ? and id = ?',
  lead: 'select fold_state, received_at from lead_facts where team_id = ? and member_id = ? and lead = ?',
  counts: 'select count(*) as n, coalesce(sum(stored_at >= ?), 0) as today from events where team_id = ? and member_id = ? and lead = ?',
  target: 'select lead from events where team_id = ? and member_id = ? and id = ?',
  bump: 'update teams set seq = seq + ? where id = ? returning seq',
  event:
    'insert into events (id, team_id, member_id, seq, lead, type, at, body, stored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (team_id, id) do nothing',
  history: 'select lead, body, stored_at from events where team_id = ? and member_id = ? and lead = ?',
  fact: `insert into lead_facts (team_id, member_id, lead, received_at, first_attempt_at, attempts, contacts, status, lost_reason,
      furthest, attempts_before_close, contacts_before_close, phone_attempts_before_close, backlog, source, sold_at, closed_at,
      status_actor, fold_state, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (team_id, member_id, lead) do update set
      received_at = excluded.received_at, first_attempt_at = excluded.first_attempt_at, attempts = excluded.attempts,
      contacts = excluded.contacts, status = excluded.status, lost_reason = excluded.lost_reason, furthest = excluded.furthest,
      attempts_before_close = excluded.attempts_before_close, contacts_before_close = excluded.contacts_before_close,
      phone_attempts_before_close = excluded.phone_attempts_before_close, backlog = excluded.backlog, source = excluded.source,
      sold_at = excluded.sold_at, closed_at = excluded.closed_at, status_actor = excluded.status_actor,
      fold_state = excluded.fold_state, updated_at = excluded.updated_at`,
  deleteFact: 'delete from lead_facts where team_id = ? and member_id = ? and lead = ?',
  factsIn: `select lead, member_id, received_at, first_attempt_at, attempts, contacts, status, lost_reason, furthest,
      attempts_before_close, contacts_before_close, phone_attempts_before_close, backlog
    from lead_facts where team_id = ? and received_at >= ? and received_at < ? and member_id = ?`,
  rollup: `insert into daily_rollups (team_id, member_id, day_start, leads, within_sla, attempts, contacted, appointments, too_early,
      sold, excluded, backlog, worked, responses) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (team_id, day_start, member_id) do update set
      leads = excluded.leads, within_sla = excluded.within_sla, attempts = excluded.attempts, contacted = excluded.contacted,
      appointments = excluded.appointments, too_early = excluded.too_early, sold = excluded.sold, excluded = excluded.excluded,
      backlog = excluded.backlog, worked = excluded.worked, responses = excluded.responses`,
  deleteRollup: 'delete from daily_rollups where team_id = ? and member_id = ? and day_start = ?',
} as const;

type Statements = { [K in keyof typeof SQL]: SQLite.Statement };

const prepared = new WeakMap<SQLite.Database, Statements>();

function statementsOf(database: SQLite.Database): Statements {
  const kept = prepared.get(database);
  if (kept) return kept;
  const entries = Object.entries(SQL).map(([name, text]) => [name, database.prepare(text)]);
  const made = Object.fromEntries(entries) as Statements;
  prepared.set(database, made);
  return made;
}

const num = (v: unknown): number => Number(v);

export function sqliteIngestIo(database: SQLite.Database): IngestIo {
  const s = statementsOf(database);
  return {
    async holdTeam(teamId) {
      // One write transaction at a time: every push holds the team whatever the mode.
      const row = s.rollupKey.get(teamId) as { key: string } | undefined;
      return { rollupKey: row?.key ?? null };
    },

    async read(teamId, memberId, ids, leads, dayStart) {
      const known = new Set<string>();
      for (const id of ids) if (s.known.get(teamId, id) !== undefined) known.add(id);
      const found = leads.map((lead): LeadRow => {
        const row = s.lead.get(teamId, memberId, lead) as { fold_state: string | null; received_at: number | null } | undefined;
        const stored = row ? { foldState: row.fold_state, receivedAt: row.received_at === null ? null : num(row.received_at) } : null;
        if (stored?.foldState) return { lead, stored, counts: null };
        const c = s.counts.get(dayStart, teamId, memberId, lead) as { n: number; today: number };
        return { lead, stored, counts: { total: num(c.n), today: num(c.today) } };
      });
      return { known, leads: found };
    },

    async counts(teamId, memberId, leads, dayStart) {
      const counts = new Map<string, { total: number; today: number }>();
      for (const lead of leads) {
        const c = s.counts.get(dayStart, teamId, memberId, lead) as { n: number; today: number };
        if (num(c.n) > 0) counts.set(lead, { total: num(c.n), today: num(c.today) });
      }
      return counts;
    },

    async storedTargets(teamId, memberId, ids) {
      const found = new Set<string>();
      for (const id of ids) {
        const row = s.target.get(teamId, memberId, id) as { lead: string } | undefined;
        if (row) found.add(`${row.lead} ${id}`);
      }
      return found;
    },

    async appendEvents(teamId, rows) {
      const inserted = new Set<string>();
      if (rows.length === 0) return inserted;
      const bumped = s.bump.get(rows.length, teamId) as { seq: number } | undefined;
      if (!bumped) throw new Error(`team ${teamId} is gone`);
      const base = num(bumped.seq) - rows.length;
      rows.forEach((r, i) => {
        if (s.event.run(r.id, r.team_id, r.member_id, base + i + 1, r.lead, r.type, r.at, r.body, r.stored_at).changes === 1) inserted.add(r.id);
      });
      return inserted;
    },

    async history(teamId, memberId, leads) {
      const rows: { lead: string; body: string; stored_at: number }[] = [];
      for (const lead of leads) {
        for (const r of s.history.all(teamId, memberId, lead) as { lead: string; body: string; stored_at: number }[]) {
          rows.push({ lead: r.lead, body: r.body, stored_at: num(r.stored_at) });
        }
      }
      return rows;
    },

    async deleteFacts(teamId, memberId, leads) {
      for (const lead of leads) s.deleteFact.run(teamId, memberId, lead);
    },

    async writeFacts(teamId, memberId, rows, ranges) {
      for (const r of rows) {
        s.fact.run(
          r.team_id, r.member_id, r.lead, r.received_at, r.first_attempt_at, r.attempts, r.contacts, r.status, r.lost_reason,
          r.furthest, r.attempts_before_close, r.contacts_before_close, r.phone_attempts_before_close, r.backlog, r.source,
          r.sold_at, r.closed_at, r.status_actor, r.fold_state, r.updated_at,
        );
      }
      const facts: FactRow[] = [];
      for (const { from, to } of ranges) for (const r of s.factsIn.all(teamId, from, to, memberId) as FactRow[]) facts.push(r);
      return facts;
    },

    async writeRollups(teamId, memberId, rows, emptied) {
      for (const r of rows) {
        s.rollup.run(
          r.team_id, r.member_id, r.day_start, r.leads, r.within_sla, r.attempts, r.contacted, r.appointments, r.too_early,
          r.sold, r.excluded, r.backlog, r.worked, r.responses,
        );
      }
      for (const day of emptied) s.deleteRollup.run(teamId, memberId, day);
    },
  };
}
