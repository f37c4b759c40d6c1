/**
 * What a lead's history costs a push: the server time of a one-event push to a lead that
 * already holds 20,000 stored events, against the same push to a fresh lead. The big lead is
 * written straight into the tables (the per-lead limits would refuse that many through the
 * API) with the facts and fold state a full fold gives; the app then runs with those limits
 * lifted, so what is measured is the fold and nothing refusing early.
 *   npx tsx scripts/bench-server.ts   (this section runs on each engine there)
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { WireEvent } from '../../lib/sync/wire';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db/connect';
import { factsColumnsOf, foldStateOfHistory } from '../../server/domain/lead-fold-state';
import { addMember, createTeam } from '../../server/sql/tenancy';

const HISTORY = Number(process.env.BENCH_LEAD_HISTORY ?? 20_000);
const RUNS = 60;
const WARMUP = 10;
const MIN = 60_000;
const UNLIMITED = { capacity: 1e9, refillPerSecond: 1e9 };

const leadHash = (name: string) => createHash('sha256').update(`bench-history:${name}`).digest('hex');

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export interface HistoryFigures {
  freshMedianMs: number;
  bigMedianMs: number;
  ratio: number;
}

export async function benchIngestHistory(name: string, db: Db): Promise<HistoryFigures> {
  const now = Date.now();
  const team = await createTeam(db, { name: 'History bench', visibility: 'named' });
  const rep = await addMember(db, { teamId: team.teamId, name: 'Busy rep', role: 'rep' });
  const big = leadHash('big');

  // The big lead: seen 20 days ago, then an attempt a minute (a status change now and then).
  const started = performance.now();
  const from = now - 20 * 24 * 60 * MIN;
  const history: WireEvent[] = [{ id: uuidv7(), v: 1, lead: big, at: from, type: 'lead_seen', source: 'website', receivedAt: from }];
  for (let i = 1; i < HISTORY; i++) {
    const at = from + i * MIN;
    history.push(
      i % 500 === 0
        ? { id: uuidv7(), v: 1, lead: big, at, type: 'status_changed', status: i % 1000 === 0 ? 'open' : 'appointment' }
        : { id: uuidv7(), v: 1, lead: big, at, type: 'attempt_logged', channel: 'call', outcome: i % 7 === 0 ? 'reached' : 'no_answer' },
    );
  }
  const state = foldStateOfHistory(history.map((event) => ({ event, storedAt: now - MIN })), now);
  const facts = factsColumnsOf(state.resumable.fold);
  if (!facts) throw new Error('the bench lead has no lead_seen in effect');
  await db.kysely.transaction().execute(async (trx) => {
    for (let off = 0; off < history.length; off += 1000) {
      await trx
        .insertInto('events')
        .values(
          history.slice(off, off + 1000).map((e, i) => ({
            id: e.id,
            team_id: team.teamId,
            member_id: rep.memberId,
            seq: off + i + 1,
            lead: e.lead,
            type: e.type,
            at: e.at,
            body: JSON.stringify(e),
            stored_at: now - MIN,
          })),
        )
        .execute();
    }
    await trx.updateTable('teams').set({ seq: history.length }).where('id', '=', team.teamId).execute();
    await trx
      .insertInto('lead_facts')
      .values({ team_id: team.teamId, member_id: rep.memberId, lead: big, ...facts, fold_state: JSON.stringify(state), updated_at: now })
      .execute();
  });
  console.log(`${name}: stored ${HISTORY.toLocaleString('en-US')} events on one lead in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const app = createApp({
    db,
    rateLimit: UNLIMITED,
    eventRateLimit: UNLIMITED,
    refoldRateLimit: UNLIMITED,
    ingestLimits: { perLead: Number.POSITIVE_INFINITY, perLeadPerDay: Number.POSITIVE_INFINITY },
  });
  const headers = { authorization: `Bearer ${rep.token}`, 'content-type': 'application/json' };
  const timedPush = async (event: WireEvent): Promise<number> => {
    const t = performance.now();
    const res = await app.request('/v1/events', { method: 'POST', headers, body: JSON.stringify({ events: [event] }) });
    const ms = performance.now() - t;
    const body = (await res.json()) as { accepted?: number };
    if (res.status !== 200 || body.accepted !== 1) throw new Error(`push refused (${res.status}): ${JSON.stringify(body)}`);
    return ms;
  };

  // Interleaved, so drift of the machine (other work, caches, autovacuum) hits both alike.
  const fresh: number[] = [];
  const onBig: number[] = [];
  let lastAt = now - 60 * MIN;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    lastAt += 1000;
    const freshMs = await timedPush({ id: uuidv7(), v: 1, lead: leadHash(`fresh-${run}`), at: lastAt, type: 'lead_seen', source: 'website', receivedAt: null });
    const bigMs = await timedPush({ id: uuidv7(), v: 1, lead: big, at: lastAt, type: 'attempt_logged', channel: 'call', outcome: 'no_answer' });
    if (run >= WARMUP) {
      fresh.push(freshMs);
      onBig.push(bigMs);
    }
  }
  fresh.sort((a, b) => a - b);
  onBig.sort((a, b) => a - b);

  // For comparison: a late event, which the fold cannot append, folds the whole lead again.
  const refold: number[] = [];
  for (let run = 0; run < 5; run++) {
    refold.push(await timedPush({ id: uuidv7(), v: 1, lead: big, at: from + 30_000 + run, type: 'attempt_logged', channel: 'call', outcome: 'no_answer' }));
  }
  refold.sort((a, b) => a - b);

  const freshMedianMs = quantile(fresh, 0.5);
  const bigMedianMs = quantile(onBig, 0.5);
  const ratio = bigMedianMs / freshMedianMs;
  const f = (n: number) => n.toFixed(2);
  console.log(`${name}: one-event push, fresh lead                 median ${f(freshMedianMs)} ms, p90 ${f(quantile(fresh, 0.9))} ms (${RUNS} pushes)`);
  console.log(`${name}: one-event push, lead with ${HISTORY.toLocaleString('en-US')} events     median ${f(bigMedianMs)} ms, p90 ${f(quantile(onBig, 0.9))} ms (${RUNS} pushes)`);
  console.log(`${name}: ratio ${ratio.toFixed(2)}× (goal ≤ 2×)`);
  console.log(`${name}: late event on that lead (full fold again)   median ${f(quantile(refold, 0.5))} ms (5 pushes)`);
  return { freshMedianMs, bigMedianMs, ratio };
}
