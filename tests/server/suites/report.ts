import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import type { LeadEvent } from '@/lib/domain/events';
import { progressFromEvents, type FoldEvent } from '@/lib/domain/lead';
import { factsOf } from '@/lib/domain/lead-metrics';
import { DEFAULT_SOURCES, type LeadStatus } from '@/lib/domain/model';
import { rangeFromDates } from '@/lib/domain/report-period';
import { sourceReport, type ReportLead } from '@/lib/domain/report';
import { teamSpendLookup, type TeamSpend } from '@/lib/domain/team-spend';
import { teamReportResponseSchema, type TeamReportResponse } from '@/lib/sync/report-wire';
import { DEFAULT_TEAM_SETTINGS_VALUES, type TeamSettingsValues } from '@/lib/sync/team-settings';
import type { WireEvent } from '@/lib/sync/wire';
import { pick, seededRandom } from '@/server/testing/random';
import { simulateRep, toWire } from '@/server/testing/simulated-rep';
import { saveTeamSettings } from '@/server/sql/team-settings';
import { authed, json, push, seedTeam, type App, type EnvRef, type TeamFixture } from '@/tests/server/harness';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** The wire form of a local event, keeping who set a status (the simulated rep's toWire drops it). */
function wireOf(event: LeadEvent, teamKey: string): WireEvent {
  const wire = toWire(event, teamKey);
  return wire.type === 'status_changed' && event.type === 'status_changed' && event.actor ? { ...wire, actor: event.actor } : wire;
}

/** Some simulated leads reopen, and some get a status from the CRM's page or an import. */
function withStatusHistory(random: () => number, events: LeadEvent[], from: number): LeadEvent[] {
  const out = [...events];
  const leads = [...new Set(events.map((e) => e.leadKey))];
  for (const leadKey of leads) {
    const last = out.filter((e) => e.leadKey === leadKey).reduce((t, e) => Math.max(t, e.at), from);
    const base = { v: 1 as const, leadKey, repId: 'r' };
    const r = random();
    if (r < 0.1) out.push({ ...base, id: uuidv7(), type: 'status_changed', at: last + MIN, status: 'open' });
    else if (r < 0.2) out.push({ ...base, id: uuidv7(), type: 'status_changed', at: last + MIN, status: 'sold', actor: pick(random, ['crm', 'import'] as const) });
    else if (r < 0.25) out.push({ ...base, id: uuidv7(), type: 'status_changed', at: last + MIN, status: pick(random, ['lost', 'appointment'] satisfies LeadStatus[]), actor: 'crm' });
  }
  return out;
}

/** The extension's side: its own fold and report kernel over the same events, keyed like the server. */
function localReport(reps: { memberId: string; local: LeadEvent[] }[], teamKey: string, from: number, to: number, values: TeamSettingsValues) {
  const leads: ReportLead[] = [];
  for (const rep of reps) {
    const byLead = new Map<string, FoldEvent[]>();
    for (const e of rep.local) {
      const list = byLead.get(e.leadKey);
      if (list) list.push(e);
      else byLead.set(e.leadKey, [e]);
    }
    for (const events of byLead.values()) {
      const p = progressFromEvents(events);
      if (!p) continue;
      const hash = wireOf(events[0] as LeadEvent, teamKey).lead;
      leads.push({
        ...factsOf({ ...p, attemptCount: p.attempts.length }),
        key: hash,
        leadId: hash,
        source: p.source,
        rep: rep.memberId,
        soldAt: p.soldAt,
        closedAt: p.closedAt,
        statusActor: p.statusActor,
      });
    }
  }
  const settings = {
    hours: values.openingHours,
    firstAttemptSlaMs: values.cadence.firstAttemptSlaMs,
    closeAfterAttempts: values.cadence.closeAfterAttempts,
    floor: values.conversionFloor,
  };
  return {
    all: sourceReport({ leads, from, to, settings, spend: values.spend ? teamSpendLookup(values.spend) : undefined }),
    perRep: (memberId: string) => sourceReport({ leads: leads.filter((l) => l.rep === memberId), from, to, settings }),
  };
}

async function getReport(app: App, token: string, query: string): Promise<{ status: number; body: TeamReportResponse | null; raw: Response }> {
  const res = await app.request(`/v1/report${query}`, authed(token));
  if (res.status !== 200) return { status: res.status, body: null, raw: res };
  return { status: 200, body: teamReportResponseSchema.parse(await json(res)), raw: res };
}

async function seedWorkedTeam(env: EnvRef, visibility: 'named' | 'pseudonymous' | 'team-only', seed: number) {
  const { db, app, clock } = env();
  const team: TeamFixture = await seedTeam(db, {
    name: `Report ${visibility} ${seed}`,
    visibility,
    members: [
      { key: 'anna', name: 'Anna Bakker', role: 'rep' },
      { key: 'bram', name: 'Bram de Wit', role: 'rep' },
      { key: 'cor', name: 'Cor Visser', role: 'rep' },
      { key: 'boss', name: 'Manager', role: 'manager' },
    ],
  });
  const random = seededRandom(seed);
  const reps = (['anna', 'bram', 'cor'] as const).map((key) => {
    const member = team.members[key];
    if (!member) throw new Error(`no member ${key}`);
    const history = simulateRep({ repId: `${key}${seed}`, teamKey: team.teamKey, random, targetEvents: 500, from: clock.now - 70 * DAY, until: clock.now - DAY });
    return { key, memberId: member.memberId, token: member.token, local: withStatusHistory(random, history.local, clock.now - 70 * DAY) };
  });
  for (const rep of reps) {
    const wire = rep.local.map((e) => wireOf(e, team.teamKey));
    for (let off = 0; off < wire.length; off += 400) {
      const res = await push(app, rep.token, wire.slice(off, off + 400));
      expect(res.status, await res.clone().text()).toBe(200);
    }
  }
  return { team, reps };
}

const spend: TeamSpend = {
  currency: 'EUR',
  bySource: Object.fromEntries(DEFAULT_SOURCES.map((s, i) => [s, { '2026-01': 100 + i, '2026-02': 200 + i, '2026-03': 300 + i }])),
};

export function reportSuite(env: EnvRef) {
  it('agrees with the extension’s own report kernel on random histories, per source, per rep and in total', async () => {
    const { db, app, clock } = env();
    const { team, reps } = await seedWorkedTeam(env, 'named', 7100);
    const values: TeamSettingsValues = {
      ...DEFAULT_TEAM_SETTINGS_VALUES,
      openingHours: { ...DEFAULT_TEAM_SETTINGS_VALUES.openingHours, timeZone: 'America/Chicago' },
      cadence: { ...DEFAULT_TEAM_SETTINGS_VALUES.cadence, closeAfterAttempts: 4, firstAttemptSlaMs: 15 * MIN },
      conversionFloor: 0.2,
      spend,
    };
    await saveTeamSettings(db, { teamId: team.teamId, values, baseVersion: null, updatedBy: 'test', memberId: null }, clock.now);

    for (const [first, last] of [['2026-01-01', '2026-03-31'], ['2026-02-01', '2026-02-28'], ['2026-03-10', '2026-03-10']] as const) {
      const { status, body } = await getReport(app, team.members.boss?.token ?? '', `?from=${first}&to=${last}`);
      expect(status).toBe(200);
      if (!body) throw new Error('no body');
      const range = rangeFromDates(first, last, 'America/Chicago');
      if (!range) throw new Error('bad range');
      expect(body.basis).toMatchObject({ firstDate: first, lastDate: last, from: range.from, to: range.to, timeZone: 'America/Chicago', floor: 0.2, currency: 'EUR' });
      const local = localReport(reps, team.teamKey, range.from, range.to, values);
      expect(body.rows, `${first}…${last} rows`).toEqual(local.all.rows);
      expect(body.total, `${first}…${last} total`).toEqual(local.all.total);
      expect(body.basis.openShare).toBe(local.all.total.openShare);
      expect(body.responseBuckets).toEqual(local.all.responseBuckets);
      for (const rep of reps) {
        const funnel = local.all.reps.find((r) => r.rep === rep.memberId);
        const row = body.reps.find((r) => r.memberId === rep.memberId);
        if (funnel) expect(row).toMatchObject({ received: funnel.received, reached: funnel.reached, sold: funnel.sold, conversion: funnel.conversion });
        else expect(row).toMatchObject({ received: 0, sold: 0 });
        const cells = body.bySourceRep.filter((c) => c.memberId === rep.memberId).map(({ label: _l, memberId: _m, pseudonymous: _p, self: _s, ...cell }) => cell);
        expect(cells, `${first}…${last} ${rep.key} cells`).toEqual(local.perRep(rep.memberId).rows);
      }
      expect(body.closedTooEarly.map((c) => [c.lead, c.attempts, c.lostReason, c.closedAt, c.closedBy])).toEqual(
        local.all.closedTooEarly.slice(0, 500).map((c) => [c.leadId, c.attempts, c.lostReason, c.closedAt, c.closedBy]),
      );
    }
    // The comparison discriminates: the quarter has sales by every actor, costs and closes too early.
    const q = rangeFromDates('2026-01-01', '2026-03-31', 'America/Chicago');
    if (!q) throw new Error('bad range');
    const quarter = localReport(reps, team.teamKey, q.from, q.to, values).all.total;
    expect(quarter.salesBy.rep).toBeGreaterThan(0);
    expect(quarter.salesBy.crm + quarter.salesBy.import).toBeGreaterThan(0);
    expect(quarter.closedTooEarly).toBeGreaterThan(0);
    expect(quarter.costPerLead).not.toBeNull();
  }, 120_000);

  it('shows per-rep rows by the team’s visibility mode; team totals stay whole', async () => {
    const { app } = env();
    const query = '?from=2026-01-01&to=2026-03-31';
    for (const mode of ['named', 'pseudonymous', 'team-only'] as const) {
      const { team } = await seedWorkedTeam(env, mode, 7200 + mode.length);
      const boss = await getReport(app, team.members.boss?.token ?? '', query);
      const anna = await getReport(app, team.members.anna?.token ?? '', query);
      if (!boss.body || !anna.body) throw new Error(`${mode}: no report`);
      // Everyone gets the same team figures, whatever they may see of each other.
      expect(anna.body.total).toEqual(boss.body.total);
      expect(anna.body.rows).toEqual(boss.body.rows);
      expect(boss.body.reps.map((r) => r.label).sort()).toEqual(['Anna Bakker', 'Bram de Wit', 'Cor Visser']);

      const others = anna.body.reps.filter((r) => !r.self);
      const self = anna.body.reps.filter((r) => r.self);
      expect(self.map((r) => [r.label, r.memberId])).toEqual([['Anna Bakker', team.members.anna?.memberId]]);
      const text = JSON.stringify(anna.body);
      if (mode === 'named') {
        expect(others.map((r) => r.label).sort()).toEqual(['Bram de Wit', 'Cor Visser']);
      } else {
        expect(text).not.toContain('Bram');
        expect(text).not.toContain('Cor Visser');
        expect(text).not.toContain(team.members.bram?.memberId ?? '?');
      }
      if (mode === 'pseudonymous') {
        expect(others).toHaveLength(2);
        for (const r of others) {
          expect(r.label).toMatch(/^Rep [A-Z]{4,}$/);
          expect(r.pseudonymous).toBe(true);
          expect(r).not.toHaveProperty('memberId');
        }
        const labels = new Set(others.map((r) => r.label));
        expect(anna.body.closedTooEarly.every((c) => c.rep === 'Anna Bakker' || labels.has(c.rep))).toBe(true);
        expect(anna.body.closedTooEarly.some((c) => !c.self)).toBe(true);
      }
      if (mode === 'team-only') {
        expect(others).toEqual([]);
        expect(anna.body.bySourceRep.every((c) => c.self)).toBe(true);
        expect(anna.body.closedTooEarly.every((c) => c.self && c.rep === 'Anna Bakker')).toBe(true);
        expect(boss.body.closedTooEarly.some((c) => c.rep === 'Bram de Wit')).toBe(true);
      }
      // Cells add up to the team's rows for whoever may see every rep.
      for (const row of boss.body.rows) {
        const cells = boss.body.bySourceRep.filter((c) => c.source === row.source);
        expect(cells.reduce((n, c) => n + c.leads, 0), `${mode} ${row.source}`).toBe(row.leads);
        expect(cells.reduce((n, c) => n + c.sold, 0)).toBe(row.sold);
      }
    }
  }, 120_000);

  it.each([
    ['no dates', ''],
    ['no end date', '?from=2026-01-01'],
    ['a date that is no date', '?from=2026-02-30&to=2026-03-01'],
    ['a month 13', '?from=2026-13-01&to=2026-13-02'],
    ['an end before the start', '?from=2026-03-01&to=2026-02-01'],
    ['a window over 400 days', '?from=2024-01-01&to=2026-01-01'],
    ['text', '?from=yesterday&to=today'],
  ])('refuses %s with a clear 400', async (_, query) => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Rep', role: 'rep' }] });
    const res = await app.request(`/v1/report${query}`, authed(team.members.rep?.token ?? ''));
    expect(res.status).toBe(400);
    const body = await json<{ error: string; message: string }>(res);
    expect(body.error).toBe('invalid_report_range');
    expect(body.message).toMatch(/from|to|days/);
  });

  it('needs a token, and answers 304 while nothing changed', async () => {
    const { db, app, clock } = env();
    expect((await app.request('/v1/report?from=2026-03-01&to=2026-03-31')).status).toBe(401);
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Rep Solo', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const first = await getReport(app, token, '?from=2026-03-01&to=2026-03-31');
    expect(first.status).toBe(200);
    expect(first.body?.total.leads).toBe(0);
    expect(first.body?.basis.currency).toBeNull();
    const etag = first.raw.headers.get('etag') ?? '';
    const again = await app.request('/v1/report?from=2026-03-01&to=2026-03-31', authed(token, { headers: { 'if-none-match': etag } }));
    expect(again.status).toBe(304);
    const other = await app.request('/v1/report?from=2026-03-01&to=2026-03-30', authed(token, { headers: { 'if-none-match': etag } }));
    expect(other.status).toBe(200);
    // A new commit is a new report: neither the ETag nor the shared figures may go stale.
    const seen: LeadEvent = { id: uuidv7(), v: 1, leadKey: 'demo:fresh', repId: 'r', type: 'lead_seen', at: clock.now - MIN, crm: 'demo', leadId: 'fresh', source: 'website', receivedAt: clock.now - 2 * MIN };
    expect((await push(app, token, [wireOf(seen, team.teamKey)])).status).toBe(200);
    const after = await app.request('/v1/report?from=2026-03-01&to=2026-03-31', authed(token, { headers: { 'if-none-match': etag } }));
    expect(after.status).toBe(200);
    expect(teamReportResponseSchema.parse(await json(after)).total.leads).toBe(1);
  });
}
