import { sql, type Transaction } from 'kysely';
import type { Database, LeadFactsTable } from '../db/schema';
import { PREPARED } from '../db/prepared';
import { numberArray, textArray } from '../db/pg-arrays';
import type { FactRow, IngestIo, LeadRow } from './ingest-io';

/** Every statement here has one text whatever the batch: parsed and planned once per connection. */
const PREPARED_SQL = sql.raw(PREPARED);

// A batch of 500 events as one multi-row VALUES list is 4,500 bound parameters that
// PostgreSQL parses and plans on every push (and Kysely compiles first). As one array per
// column through unnest() it is nine parameters and the same plan every time; the same goes
// for the lead rows, the roll-ups and every "where x in (…)" (as "= any(array)"). Each array
// goes as its literal (server/db/pg-arrays.ts), which costs the driver no work per element.

const texts = <R>(rows: readonly R[], pick: (row: R) => string | null): string => textArray(rows.map(pick));
const numbers = <R>(rows: readonly R[], pick: (row: R) => number | null): string => numberArray(rows.map(pick));

export function postgresIngestIo(trx: Transaction<Database>): IngestIo {
  return {
    async holdTeam(teamId, memberId, mode) {
      // Shared: the member row is what this push reads and then writes (its lead rows,
      // roll-ups and history are the rep's own); the team row's key-share lock only keeps a
      // roll-up rebuild (team row for update) out until commit, and does not conflict with
      // another push's sequence bump. The member CTE is read so that it runs.
      const { rows } = mode === 'shared'
        ? await sql<{ key: string | null }>`
            ${PREPARED_SQL} with m as (select id from members where id = ${memberId} and team_id = ${teamId} for no key update)
            select (select settings_key from daily_rollup_settings where team_id = ${teamId}) as key, (select count(*) from m) as held
            from teams where id = ${teamId} for key share`.execute(trx)
        : await sql<{ key: string | null }>`
            ${PREPARED_SQL} select (select settings_key from daily_rollup_settings where team_id = ${teamId}) as key
            from teams where id = ${teamId} for update`.execute(trx);
      return { rollupKey: rows[0]?.key ?? null };
    },

    async read(teamId, memberId, ids, leads, dayStart) {
      // Two reads in one round trip: the known ids come as rows with only `known` set. The
      // counts are only read for a lead without a state; for the others the lateral
      // subquery's filter is false before it touches an index.
      const { rows } = await sql<{ known: string | null; lead: string | null; has_row: boolean | null; fold_state: string | null; received_at: number | null; n: number | null; today: number | null }>`
        ${PREPARED_SQL} select null::text as known, l.lead, lf.lead is not null as has_row, lf.fold_state, lf.received_at, c.n, c.today
        from unnest(${textArray(leads)}::text[]) as l(lead)
        left join lead_facts lf on lf.team_id = ${teamId} and lf.member_id = ${memberId} and lf.lead = l.lead
        left join lateral (
          select count(*)::int as n, (count(*) filter (where e.stored_at >= ${dayStart}))::int as today
          from events e
          where lf.fold_state is null and e.team_id = ${teamId} and e.member_id = ${memberId} and e.lead = l.lead
        ) c on true
        union all
        select id, null, null, null, null, null, null from events where team_id = ${teamId} and id = any(${textArray(ids)}::text[])`.execute(trx);
      const known = new Set<string>();
      const found: LeadRow[] = [];
      for (const r of rows) {
        if (r.known !== null) known.add(r.known);
        else if (r.lead !== null) {
          found.push({
            lead: r.lead,
            stored: r.has_row ? { foldState: r.fold_state, receivedAt: r.received_at === null ? null : Number(r.received_at) } : null,
            counts: r.n === null ? null : { total: Number(r.n), today: Number(r.today ?? 0) },
          });
        }
      }
      return { known, leads: found };
    },

    async counts(teamId, memberId, leads, dayStart) {
      const { rows } = await sql<{ lead: string; n: number; today: number }>`
        select lead, count(*)::int as n, (count(*) filter (where stored_at >= ${dayStart}))::int as today
        from events where team_id = ${teamId} and member_id = ${memberId} and lead = any(${textArray(leads)}::text[])
        group by lead`.execute(trx);
      return new Map(rows.map((r) => [r.lead, { total: Number(r.n), today: Number(r.today) }]));
    },

    async storedTargets(teamId, memberId, ids) {
      const { rows } = await sql<{ lead: string; id: string }>`
        select lead, id from events where team_id = ${teamId} and member_id = ${memberId} and id = any(${textArray(ids)}::text[])`.execute(trx);
      return new Set(rows.map((r) => `${r.lead} ${r.id}`));
    },

    async appendEvents(teamId, rows) {
      if (rows.length === 0) return new Set();
      // The sequence is bumped and the events numbered from it in one statement.
      const result = await sql<{ id: string }>`
        ${PREPARED_SQL} with bumped as (update teams set seq = seq + ${rows.length} where id = ${teamId} returning seq)
        insert into events (id, team_id, member_id, seq, lead, type, at, body, stored_at)
        select u.id, u.team_id, u.member_id, (select seq from bumped) - ${rows.length} + u.n, u.lead, u.type, u.at, u.body, u.stored_at
        from unnest(
          ${texts(rows, (r) => r.id)}::text[], ${texts(rows, (r) => r.team_id)}::text[], ${texts(rows, (r) => r.member_id)}::text[],
          ${texts(rows, (r) => r.lead)}::text[], ${texts(rows, (r) => r.type)}::text[], ${numbers(rows, (r) => r.at)}::bigint[],
          ${texts(rows, (r) => r.body)}::text[], ${numbers(rows, (r) => r.stored_at)}::bigint[]
        ) with ordinality as u(id, team_id, member_id, lead, type, at, body, stored_at, n)
        on conflict (team_id, id) do nothing
        returning id`.execute(trx);
      return new Set(result.rows.map((r) => r.id));
    },

    async history(teamId, memberId, leads) {
      const { rows } = await sql<{ lead: string; body: string; stored_at: number }>`
        select lead, body, stored_at from events
        where team_id = ${teamId} and member_id = ${memberId} and lead = any(${textArray(leads)}::text[])`.execute(trx);
      return rows.map((r) => ({ lead: r.lead, body: r.body, stored_at: Number(r.stored_at) }));
    },

    async deleteFacts(teamId, memberId, leads) {
      await sql`delete from lead_facts where team_id = ${teamId} and member_id = ${memberId} and lead = any(${textArray(leads)}::text[])`.execute(trx);
    },

    async writeFacts(teamId, memberId, rows, ranges) {
      // The day ranges are read in the same statement as the upsert (PostgreSQL runs a
      // data-modifying WITH whether or not it is read); it sees the rows as they were before
      // it, which the caller replaces with the ones it wrote. One index range scan per range.
      const upsert = rows.length === 0 ? sql`select 1` : upsertFactsSql(rows);
      const { rows: facts } = await sql<FactRow>`
        ${PREPARED_SQL} with written as (${upsert})
        select lf.lead, lf.member_id, lf.received_at, lf.first_attempt_at, lf.attempts, lf.contacts, lf.status, lf.lost_reason, lf.furthest,
          lf.attempts_before_close, lf.contacts_before_close, lf.phone_attempts_before_close, lf.backlog
        from unnest(${numberArray(ranges.map((r) => r.from))}::bigint[], ${numberArray(ranges.map((r) => r.to))}::bigint[]) as r(f, t)
        join lead_facts lf on lf.team_id = ${teamId} and lf.received_at >= r.f and lf.received_at < r.t and lf.member_id = ${memberId}`.execute(trx);
      return facts;
    },

    async writeRollups(teamId, memberId, rows, emptied) {
      if (rows.length === 0 && emptied.length === 0) return;
      await sql`
        ${PREPARED_SQL} with emptied as (
          delete from daily_rollups where team_id = ${teamId} and member_id = ${memberId} and day_start = any(${numberArray(emptied)}::bigint[])
        )
        insert into daily_rollups (team_id, member_id, day_start, leads, within_sla, attempts, contacted, appointments, too_early,
          sold, excluded, backlog, worked, responses)
        select * from unnest(
          ${texts(rows, (r) => r.team_id)}::text[], ${texts(rows, (r) => r.member_id)}::text[], ${numbers(rows, (r) => r.day_start)}::bigint[],
          ${numbers(rows, (r) => r.leads)}::int[], ${numbers(rows, (r) => r.within_sla)}::int[], ${numbers(rows, (r) => r.attempts)}::int[],
          ${numbers(rows, (r) => r.contacted)}::int[], ${numbers(rows, (r) => r.appointments)}::int[], ${numbers(rows, (r) => r.too_early)}::int[],
          ${numbers(rows, (r) => r.sold)}::int[], ${numbers(rows, (r) => r.excluded)}::int[], ${numbers(rows, (r) => r.backlog)}::int[],
          ${numbers(rows, (r) => r.worked)}::int[], ${texts(rows, (r) => r.responses)}::text[])
        on conflict (team_id, day_start, member_id) do update set
          leads = excluded.leads, within_sla = excluded.within_sla, attempts = excluded.attempts, contacted = excluded.contacted,
          appointments = excluded.appointments, too_early = excluded.too_early, sold = excluded.sold, excluded = excluded.excluded,
          backlog = excluded.backlog, worked = excluded.worked, responses = excluded.responses`.execute(trx);
    },
  };
}

function upsertFactsSql(rows: readonly LeadFactsTable[]) {
  return sql`
    insert into lead_facts (team_id, member_id, lead, received_at, first_attempt_at, attempts, contacts, status, lost_reason,
      furthest, attempts_before_close, contacts_before_close, phone_attempts_before_close, backlog, source, sold_at, closed_at,
      status_actor, fold_state, updated_at)
    select * from unnest(
      ${texts(rows, (r) => r.team_id)}::text[], ${texts(rows, (r) => r.member_id)}::text[], ${texts(rows, (r) => r.lead)}::text[],
      ${numbers(rows, (r) => r.received_at)}::bigint[], ${numbers(rows, (r) => r.first_attempt_at)}::bigint[], ${numbers(rows, (r) => r.attempts)}::int[],
      ${numbers(rows, (r) => r.contacts)}::int[], ${texts(rows, (r) => r.status)}::text[], ${texts(rows, (r) => r.lost_reason)}::text[],
      ${texts(rows, (r) => r.furthest)}::text[], ${numbers(rows, (r) => r.attempts_before_close)}::int[], ${numbers(rows, (r) => r.contacts_before_close)}::int[],
      ${numbers(rows, (r) => r.phone_attempts_before_close)}::int[], ${numbers(rows, (r) => r.backlog)}::int[], ${texts(rows, (r) => r.source)}::text[],
      ${numbers(rows, (r) => r.sold_at)}::bigint[], ${numbers(rows, (r) => r.closed_at)}::bigint[], ${texts(rows, (r) => r.status_actor)}::text[],
      ${texts(rows, (r) => r.fold_state)}::text[], ${numbers(rows, (r) => r.updated_at)}::bigint[])
    on conflict (team_id, member_id, lead) do update set
      received_at = excluded.received_at, first_attempt_at = excluded.first_attempt_at, attempts = excluded.attempts,
      contacts = excluded.contacts, status = excluded.status, lost_reason = excluded.lost_reason, furthest = excluded.furthest,
      attempts_before_close = excluded.attempts_before_close, contacts_before_close = excluded.contacts_before_close,
      phone_attempts_before_close = excluded.phone_attempts_before_close, backlog = excluded.backlog, source = excluded.source,
      sold_at = excluded.sold_at, closed_at = excluded.closed_at, status_actor = excluded.status_actor,
      fold_state = excluded.fold_state, updated_at = excluded.updated_at
    returning 1`;
}

