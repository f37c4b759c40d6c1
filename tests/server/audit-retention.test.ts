import { expect, it } from 'vitest';
import { auditPageSchema } from '@/lib/sync/team-audit';
import { leaderboardResponseSchema, type WireEvent } from '@/lib/sync/wire';
import { parseCommand, runCommand } from '@/server/cli/commands';
import { recordAdapterOverrideChange } from '@/server/sql/audit';
import { purgeExpiredForTeam } from '@/server/sql/retention';
import { startRetentionJob } from '@/server/retention-job';
import { silentLogger } from '@/server/log';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { onEveryEngine } from './engines';
import { attempt, seen } from './events';
import { authed, HOUR, NOW, push, seedTeam, type SuiteEnv } from './harness';

const DAY = 24 * HOUR;
const cli = (env: SuiteEnv, ...args: string[]) => runCommand(env.db, parseCommand(args), () => env.clock.now);

async function audit(env: SuiteEnv, token: string, query = '') {
  return env.app.request(`/v1/team/audit${query}`, authed(token));
}

async function counts(env: SuiteEnv, teamId: string, memberId: string) {
  const events = await env.db.kysely.selectFrom('events').select('id').where('team_id', '=', teamId).where('member_id', '=', memberId).execute();
  const facts = await env.db.kysely.selectFrom('lead_facts').select('lead').where('team_id', '=', teamId).where('member_id', '=', memberId).execute();
  return { events: events.length, facts: facts.length };
}

async function pushAt(env: SuiteEnv, token: string, at: number, events: WireEvent[]) {
  env.clock.now = at;
  const res = await push(env.app, token, events);
  env.clock.now = NOW;
  expect(res.status).toBe(200);
}

const team = (env: SuiteEnv) =>
  seedTeam(env.db, {
    visibility: 'pseudonymous',
    members: [
      { key: 'anna', name: 'Anna Rep', role: 'rep' },
      { key: 'bram', name: 'Bram Rep', role: 'rep' },
      { key: 'lotte', name: 'Lotte Manager', role: 'manager' },
    ],
  });

onEveryEngine('audit trail', (env) => {
  it('records who changed which settings, visibility and retention, readable by the manager only', async () => {
    const t = await team(env());
    const manager = t.members.lotte?.token ?? '';
    const rep = t.members.anna?.token ?? '';
    const put = await env().app.request(
      '/v1/team/settings',
      authed(manager, {
        method: 'PUT',
        body: JSON.stringify({
          openingHours: DEFAULT_OPENING_HOURS,
          cadence: { ...DEFAULT_CADENCE_SETTINGS, closeAfterAttempts: 3 },
          monthlyTarget: 12,
          conversionFloor: 0.2,
          baseVersion: 1,
        }),
      }),
    );
    expect(put.status).toBe(200);
    env().clock.now = NOW + 1000;
    await cli(env(), 'team', 'visibility', '--team', t.teamId, '--mode', 'team-only');
    env().clock.now = NOW + 1500;
    await cli(env(), 'team', 'retention', '--team', t.teamId, '--months', '18');
    await recordAdapterOverrideChange(env().db, { teamId: t.teamId, memberId: t.members.lotte?.memberId ?? null, adapter: 'hubspot', settings: ['selectors'] }, NOW + 2000);

    expect((await audit(env(), rep)).status).toBe(403);
    const res = await audit(env(), manager);
    expect(res.status).toBe(200);
    const page = auditPageSchema.parse(await res.json());
    expect(page.next).toBeNull();
    expect(page.entries.map((e) => e.kind)).toEqual(['adapter_override', 'retention', 'visibility', 'settings']);
    const [override, retention, visibility, settings] = page.entries;
    expect(settings).toMatchObject({ version: 2, changed: ['cadence.closeAfterAttempts', 'conversionFloor', 'monthlyTarget'], actor: { name: 'Lotte Manager', role: 'manager' } });
    expect(settings?.actor?.pseudonym).toMatch(/^Rep [A-Z]{4,}$/);
    expect(visibility).toMatchObject({ from: 'pseudonymous', to: 'team-only', actor: null });
    expect(retention).toMatchObject({ from: '24', to: '18' });
    expect(override).toMatchObject({ changed: ['hubspot', 'selectors'] });

    // Another team's manager sees none of it.
    const other = await team(env());
    const foreign = auditPageSchema.parse(await (await audit(env(), other.members.lotte?.token ?? '')).json());
    expect(foreign.entries).toEqual([]);
  });

  it('pages newest first and refuses a bad page query', async () => {
    const t = await team(env());
    const manager = t.members.lotte?.token ?? '';
    for (const [i, mode] of (['named', 'team-only', 'pseudonymous', 'named', 'team-only'] as const).entries()) {
      env().clock.now = NOW + i * 1000;
      await cli(env(), 'team', 'visibility', '--team', t.teamId, '--mode', mode);
    }
    const first = auditPageSchema.parse(await (await audit(env(), manager, '?limit=2')).json());
    expect(first.entries.map((e) => e.to)).toEqual(['team-only', 'named']);
    const second = auditPageSchema.parse(await (await audit(env(), manager, `?limit=2&before=${first.next ?? ''}`)).json());
    expect(second.entries.map((e) => e.to)).toEqual(['pseudonymous', 'team-only']);
    const third = auditPageSchema.parse(await (await audit(env(), manager, `?limit=2&before=${second.next ?? ''}`)).json());
    expect(third.entries.map((e) => e.to)).toEqual(['named']);
    expect(third.next).toBeNull();
    expect((await audit(env(), manager, '?limit=0')).status).toBe(400);
    expect((await audit(env(), manager, '?before=x%27--')).status).toBe(400);
  });
});

onEveryEngine('server retention', (env) => {
  it('deletes leads whose last event is past the team retention, and only those', async () => {
    const t = await team(env());
    const anna = t.members.anna?.token ?? '';
    const old = NOW - 25 * 30 * DAY;
    // Pushed while they were recent (the ingest refuses events older than its window).
    await pushAt(env(), anna, old, [seen('old-lead', old - HOUR, old - HOUR), attempt('old-lead', old)]);
    await pushAt(env(), anna, NOW - 20 * 30 * DAY, [seen('kept-lead', NOW - 20 * 30 * DAY, NOW - 20 * 30 * DAY)]);
    await pushAt(env(), anna, NOW - DAY, [seen('new-lead', NOW - DAY, NOW - DAY)]);
    const annaId = t.members.anna?.memberId ?? '';
    expect(await counts(env(), t.teamId, annaId)).toEqual({ events: 4, facts: 3 });

    const result = await cli(env(), 'retention', 'run', '--team', t.teamId);
    expect(result).toMatchObject({ teams: 1, leads: 1, events: 2 });
    expect(await counts(env(), t.teamId, annaId)).toEqual({ events: 2, facts: 2 });

    // A shorter retention reaches the 20-month-old lead too; the recent one stays.
    await cli(env(), 'team', 'retention', '--team', t.teamId, '--months', '12');
    const shorter = await purgeExpiredForTeam(env().db, t.teamId, NOW);
    expect(shorter).toMatchObject({ retentionMonths: 12, leads: 1, events: 1 });
    expect(await counts(env(), t.teamId, annaId)).toEqual({ events: 1, facts: 1 });
    // The server's own job applies the same rule when it starts.
    const stop = startRetentionJob(env().db, silentLogger, 60_000, () => NOW + 13 * 30 * DAY);
    await expect.poll(() => counts(env(), t.teamId, annaId)).toEqual({ events: 0, facts: 0 });
    stop();
    await expect(cli(env(), 'team', 'retention', '--team', t.teamId, '--months', '0')).rejects.toThrow(/months/);
  });
});

onEveryEngine('member purge', (env) => {
  it("deletes a removed member's events and facts, leaves colleagues alone and recomputes the board", async () => {
    const t = await team(env());
    const anna = t.members.anna?.token ?? '';
    const bram = t.members.bram?.token ?? '';
    const manager = t.members.lotte?.token ?? '';
    await push(env().app, anna, [seen('a1', NOW - HOUR, NOW - HOUR), attempt('a1', NOW - HOUR + 60_000)]);
    await push(env().app, bram, [seen('b1', NOW - HOUR, NOW - HOUR), seen('b2', NOW - HOUR, NOW - HOUR)]);
    const annaId = t.members.anna?.memberId ?? '';
    const bramId = t.members.bram?.memberId ?? '';

    const board = async () => leaderboardResponseSchema.parse(await (await env().app.request('/v1/leaderboard?period=month', authed(manager))).json());
    expect((await board()).team.leads).toBe(3);

    await expect(cli(env(), 'member', 'purge', '--member', annaId)).rejects.toThrow(/member remove/);
    await cli(env(), 'member', 'remove', '--member', annaId);
    expect((await board()).team.leads).toBe(3);
    const purged = await cli(env(), 'member', 'purge', '--member', annaId);
    expect(purged).toMatchObject({ events: 2, leads: 1 });

    expect(await counts(env(), t.teamId, annaId)).toEqual({ events: 0, facts: 0 });
    expect(await counts(env(), t.teamId, bramId)).toEqual({ events: 2, facts: 2 });
    const after = await board();
    expect(after.team.leads).toBe(2);
    expect(after.rows.map((r) => r.label)).not.toContain('Anna Rep');
    const codes = await env().db.kysely.selectFrom('pairing_codes').select('member_id').where('member_id', '=', annaId).execute();
    const tokens = await env().db.kysely.selectFrom('tokens').select('member_id').where('member_id', '=', annaId).execute();
    expect([...codes, ...tokens]).toEqual([]);
    const page = auditPageSchema.parse(await (await audit(env(), manager)).json());
    expect(page.entries[0]?.kind).toBe('member_purged');
  });
});
