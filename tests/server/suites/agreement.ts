import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import type { OpeningHours, Weekday } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import type { LeadEvent } from '@/lib/domain/events';
import { CHANNELS, DEFAULT_SOURCES, LOST_REASONS, OUTCOMES, type LeadStatus } from '@/lib/domain/model';
import { ownStats } from '@/lib/sync/local-stats';
import { leaderboardStatsSchema, type LeaderboardResponse } from '@/lib/sync/wire';
import { DEFAULT_TEAM_SETTINGS_VALUES, type TeamSettingsValues } from '@/lib/sync/team-settings';
import { pick, seededRandom } from '@/server/testing/random';
import { toWire } from '@/server/testing/simulated-rep';
import { saveTeamSettings } from '@/server/sql/team-settings';
import { authed, json, push, seedTeam, type EnvRef } from '@/tests/server/harness';

// The numbers that end the argument must be the same wherever they are read. Random lead
// histories (attempts, undos, closes with every reason, reopenings, sales, CRM times ahead of
// and behind the rep's clock, ties in time) under random team settings (hours, zone, SLA,
// threshold) go through the real HTTP API; every rep's row and the team total on the board must
// equal the extension's own computation (ownStats) over the very same events.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ZONES = ['Europe/Amsterdam', 'America/Chicago', 'America/New_York', 'Europe/London', 'Asia/Tokyo'];
const SLAS = [MIN, 5 * MIN, 15 * MIN, HOUR, 4 * HOUR];

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function randomHours(random: () => number): OpeningHours {
  const week = {} as OpeningHours['week'];
  for (const day of [0, 1, 2, 3, 4, 5, 6] as Weekday[]) {
    if (random() < 0.25) {
      week[day] = null;
      continue;
    }
    const open = 6 * 60 + Math.floor(random() * 5 * 60);
    const close = Math.min(open + 60 + Math.floor(random() * 12 * 60), 24 * 60);
    week[day] = { open: hhmm(open), close: close === 24 * 60 ? '24:00' : hhmm(close) };
  }
  if (Object.values(week).every((d) => d === null)) week[3] = { open: '09:00', close: '17:00' };
  return {
    timeZone: pick(random, ZONES),
    week,
    closedDates: random() < 0.5 ? ['2026-03-02', '2026-02-20'] : [],
    holidays: random() < 0.5,
  };
}

function randomSettings(random: () => number): TeamSettingsValues {
  const sla = pick(random, SLAS);
  return {
    ...DEFAULT_TEAM_SETTINGS_VALUES,
    openingHours: randomHours(random),
    cadence: {
      ...DEFAULT_CADENCE_SETTINGS,
      firstAttemptSlaMs: sla,
      stretchFirstAttemptSlaMs: Math.min(sla, DEFAULT_CADENCE_SETTINGS.stretchFirstAttemptSlaMs),
      closeAfterAttempts: 1 + Math.floor(random() * 8),
    },
  };
}

/** One lead's local history: every kind of event, in a random but plausible order. */
function randomLead(random: () => number, repId: string, n: number, window: { from: number; to: number }): LeadEvent[] {
  const leadKey = `demo:${repId}-${n}`;
  const base = (at: number) => ({ id: uuidv7(), v: 1 as const, leadKey, at, repId });
  const seenAt = window.from + Math.floor(random() * (window.to - window.from));
  const crmTime = random() < 0.6 ? seenAt - Math.floor(random() * 3 * HOUR) : null;
  const source = pick(random, DEFAULT_SOURCES);
  const events: LeadEvent[] = [{ ...base(seenAt), type: 'lead_seen', crm: 'demo', leadId: `${repId}-${n}`, source, receivedAt: crmTime }];
  let t = seenAt;
  const attempts: string[] = [];
  const steps = Math.floor(random() * 11);
  for (let i = 0; i < steps; i++) {
    const r = random();
    // Mostly minutes apart, sometimes days, sometimes the same millisecond (ties order by id).
    t += r < 0.1 ? 0 : r < 0.7 ? Math.floor(random() * 40 * MIN) : Math.floor(random() * 3 * DAY);
    // Nothing from the future: the server refuses events far ahead of its clock.
    if (t > window.to) break;
    const kind = random();
    if (kind < 0.55) {
      const e = { ...base(t), type: 'attempt_logged' as const, channel: pick(random, CHANNELS), outcome: pick(random, OUTCOMES) };
      attempts.push(e.id);
      events.push(e);
    } else if (kind < 0.65 && attempts.length > 0) {
      events.push({ ...base(t), type: 'event_voided', voids: pick(random, attempts) });
    } else if (kind < 0.8) {
      events.push({ ...base(t), type: 'status_changed', status: 'lost', lostReason: pick(random, LOST_REASONS) });
    } else if (kind < 0.86) {
      events.push({ ...base(t), type: 'status_changed', status: pick(random, ['appointment', 'shown', 'sold'] satisfies LeadStatus[]) });
    } else if (kind < 0.92) {
      // Reopened after a close; attempts may follow.
      events.push({ ...base(t), type: 'status_changed', status: 'open' });
    } else if (kind < 0.96) {
      events.push({ ...base(t), type: 'source_changed', from: source, to: pick(random, DEFAULT_SOURCES) });
    } else {
      // The lead page seen again, now with the CRM's own creation time.
      events.push({ ...base(t), type: 'lead_seen', crm: 'demo', leadId: `${repId}-${n}`, source, receivedAt: seenAt - Math.floor(random() * DAY) });
    }
  }
  return events;
}

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
}

const ROUNDS = 4;
const LEADS_PER_ROUND = 250;

export function agreementSuite(env: EnvRef) {
  it(
    `${ROUNDS * LEADS_PER_ROUND} random lead histories under random team settings: the board equals ownStats for every rep and period`,
    async () => {
      const { db, app, clock } = env();
      for (let round = 0; round < ROUNDS; round++) {
        const random = seededRandom(9000 + round);
        const team = await seedTeam(db, {
          name: `Agreement ${round}`,
          visibility: 'named',
          members: [
            { key: 'r0', name: 'Rep Zero', role: 'rep' },
            { key: 'r1', name: 'Rep One', role: 'rep' },
            { key: 'r2', name: 'Rep Two', role: 'rep' },
            { key: 'boss', name: 'Manager', role: 'manager' },
          ],
        });
        const values = randomSettings(random);
        await saveTeamSettings(db, { teamId: team.teamId, values, baseVersion: null, updatedBy: 'test', memberId: null }, clock.now);

        const window = { from: clock.now - 50 * DAY, to: clock.now + HOUR };
        const reps = ['r0', 'r1', 'r2'].map((key) => ({ key, member: team.members[key], local: [] as LeadEvent[] }));
        for (let n = 0; n < LEADS_PER_ROUND; n++) pick(random, reps).local.push(...randomLead(random, `${round}${pick(random, ['a', 'b'])}`, n, window));
        for (const rep of reps) {
          // Arrival order is not event order: the server must fold the same answer anyway.
          const wire = shuffled(random, rep.local.map((e) => toWire(e, team.teamKey)));
          for (let off = 0; off < wire.length; off += 400) {
            const res = await push(app, rep.member?.token ?? '', wire.slice(off, off + 400));
            expect(res.status, await res.clone().text()).toBe(200);
            expect((await json<{ rejected: unknown[] }>(res)).rejected).toEqual([]);
          }
        }

        for (const period of ['today', 'week', 'month', 'last-month'] as const) {
          const res = await app.request(`/v1/leaderboard?period=${period}`, authed(team.members.boss?.token ?? ''));
          expect(res.status).toBe(200);
          const board = await json<LeaderboardResponse>(res);
          expect(board.slaMs).toBe(values.cadence.firstAttemptSlaMs);
          expect(board.timeZone).toBe(values.openingHours.timeZone);
          const local = (events: readonly LeadEvent[]) =>
            ownStats({
              events,
              from: board.from,
              to: board.to,
              hours: values.openingHours,
              slaMs: values.cadence.firstAttemptSlaMs,
              closeAfterAttempts: values.cadence.closeAfterAttempts,
            });
          for (const rep of reps) {
            const row = board.rows.find((r) => r.memberId === rep.member?.memberId);
            const expected = local(rep.local);
            if (expected.leads + expected.excluded === 0 && !row) continue;
            expect(leaderboardStatsSchema.parse(row), `round ${round} ${period} ${rep.key}`).toEqual(expected);
          }
          expect(board.team, `round ${round} ${period} team`).toEqual(local(reps.flatMap((r) => r.local)));
        }
        // The comparison discriminates: this round's month has closes too early, exclusions
        // and properly worked leads to agree on.
        const month = local3(reps.flatMap((r) => r.local), values, clock.now);
        expect(month.closedTooEarly).toBeGreaterThan(0);
        expect(month.excluded).toBeGreaterThan(0);
        expect(month.properlyWorked).toBeGreaterThan(0);
      }
    },
    120_000,
  );
}

function local3(events: readonly LeadEvent[], values: TeamSettingsValues, now: number) {
  return ownStats({
    events,
    from: now - 60 * DAY,
    to: now + DAY,
    hours: values.openingHours,
    slaMs: values.cadence.firstAttemptSlaMs,
    closeAfterAttempts: values.cadence.closeAfterAttempts,
  });
}
