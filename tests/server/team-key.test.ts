import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { legacyKeyFingerprint } from '@/server/db/migrations-006-client-team-key';
import type { Db } from '@/server/db/connect';
import { addMember, createPairingCode, createTeam } from '@/server/sql/tenancy';
import { connect, finishKeyTakeover } from '@/lib/sync/connection';
import type { FetchLike } from '@/lib/sync/http';
import { hashLeadKey } from '@/lib/sync/hash';
import { openLeadRefs } from '@/lib/sync/lead-refs';
import { decryptLeadRef, encryptLeadRef, generateTeamKey, teamKeyFingerprint } from '@/lib/sync/team-key';
import { onEveryEngine } from './engines';
import { authed, json, NOW, push, seedTeam } from './harness';

// The team key lives in the browsers: the server keeps a fingerprint, hands out no key, and
// stores lead references it cannot read. Driven through the extension's own connect code
// against the real app, on every engine.

const RECORD_IDS = ['4711-DEALER-0815', '98765432', 'LD-2026-000123'];

/** Every table the engine has, not a list that a new table could slip past. */
async function dumpEveryTable(db: Db): Promise<string> {
  const names =
    db.engine === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db.kysely)
      : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(db.kysely);
  expect(names.rows.length).toBeGreaterThan(5);
  const parts: string[] = [];
  for (const { name } of names.rows) {
    const { rows } = await sql`SELECT * FROM ${sql.table(name)}`.execute(db.kysely);
    parts.push(`${name}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

onEveryEngine('client-held team key', (env) => {
  const fetchOf = (): FetchLike => (url, init) => Promise.resolve(env().app.fetch(new Request(url, init)));
  const options = () => ({ fetch: fetchOf(), now: () => env().clock.now });
  const SERVER = 'http://team.local';

  it('the browser fingerprint is the one the migration computes for a server-held key', async () => {
    const key = generateTeamKey();
    expect(await teamKeyFingerprint(key)).toBe(legacyKeyFingerprint(key));
  });

  it('/v1/me and /v1/pair never return a team key, only its fingerprint', async () => {
    const team = await seedTeam(env().db, { members: [{ key: 'rep', name: 'Rep', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const me = await json<Record<string, unknown>>(await env().app.request('/v1/me', authed(token)));
    expect(me).not.toHaveProperty('teamKey');
    expect(me.teamKeyFingerprint).toBe(await teamKeyFingerprint(team.teamKey));
    expect(JSON.stringify(me)).not.toContain(team.teamKey);
  });

  it('the first manager creates the key in the browser; a rep joins with it from the invitation', async () => {
    const { teamId } = await createTeam(env().db, { name: 'Nieuw', visibility: 'named' });
    const manager = await addMember(env().db, { teamId, name: 'Mia', role: 'manager' });
    const rep = await addMember(env().db, { teamId, name: 'Ruud', role: 'rep' });

    // A rep cannot be first: without a key there is nothing to join.
    await expect(connect(options(), { serverUrl: SERVER, secret: rep.token })).rejects.toMatchObject({ code: 'team_key_missing' });

    const mia = await connect(options(), { serverUrl: SERVER, secret: manager.token });
    expect(mia.teamKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mia.me.teamKeyFingerprint).toBe(await teamKeyFingerprint(mia.teamKey));
    expect(await dumpEveryTable(env().db)).not.toContain(mia.teamKey);

    const { code } = await createPairingCode(env().db, rep.memberId, env().clock.now);
    // A wrong key is refused before the code is used: the same code still works afterwards.
    await expect(connect(options(), { serverUrl: SERVER, secret: `${code}#${generateTeamKey()}` })).rejects.toMatchObject({ code: 'team_key_mismatch' });
    await expect(connect(options(), { serverUrl: SERVER, secret: `${code}#short` })).rejects.toMatchObject({ code: 'invalid_team_key' });
    const ruud = await connect(options(), { serverUrl: SERVER, secret: `${SERVER}/#pair=${code}&key=${mia.teamKey}` });
    expect(ruud.teamKey).toBe(mia.teamKey);
    expect(ruud.me.name).toBe('Ruud');

    // A second manager's browser cannot replace the key with one of its own.
    const res = await env().app.request(
      '/v1/team-key',
      authed(manager.token, { method: 'PUT', body: JSON.stringify({ fingerprint: await teamKeyFingerprint(generateTeamKey()) }) }),
    );
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ error: 'team_key_exists' });
  });

  it('a token with a wrong key is refused with a clear code', async () => {
    const team = await seedTeam(env().db, { members: [{ key: 'rep', name: 'Rep', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    await expect(connect(options(), { serverUrl: SERVER, secret: `${token}#${generateTeamKey()}` })).rejects.toMatchObject({ code: 'team_key_mismatch' });
    expect((await connect(options(), { serverUrl: SERVER, secret: `${token}#${team.teamKey}` })).teamKey).toBe(team.teamKey);
  });

  it("a team from before takes over its old key once: the manager's browser stores it and the server forgets it", async () => {
    const team = await seedTeam(env().db, {
      members: [
        { key: 'lead', name: 'Mia', role: 'manager' },
        { key: 'rep', name: 'Ruud', role: 'rep' },
      ],
    });
    // As migration 006 leaves an existing team: the old key held, its fingerprint known.
    await env().db.kysely.updateTable('teams').set({ legacy_team_key: team.teamKey }).where('id', '=', team.teamId).execute();
    const repToken = team.members.rep?.token ?? '';
    const leadToken = team.members.lead?.token ?? '';
    expect((await env().app.request('/v1/team-key/legacy', authed(repToken))).status).toBe(403);

    const mia = await connect(options(), { serverUrl: SERVER, secret: leadToken });
    expect(mia.teamKey).toBe(team.teamKey);
    expect(mia.me.serverHoldsKey).toBe(true);
    const done = await finishKeyTakeover(options(), mia);
    expect(done.me.serverHoldsKey).toBe(false);

    expect((await env().app.request('/v1/team-key/legacy', authed(leadToken))).status).toBe(404);
    expect(await dumpEveryTable(env().db)).not.toContain(team.teamKey);
    // The key did not change, so the hashes pushed before still name the same leads.
    expect(await hashLeadKey(done.teamKey, 'fake-crm:1')).toBe(await hashLeadKey(team.teamKey, 'fake-crm:1'));
  });

  it('stores lead references it cannot read: no CRM record id in any table after a push carrying refs', async () => {
    const team = await seedTeam(env().db, { members: [{ key: 'rep', name: 'Rep', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const events = [];
    for (const [i, recordId] of RECORD_IDS.entries()) {
      const leadKey = `fake-crm:${recordId}`;
      const lead = await hashLeadKey(team.teamKey, leadKey);
      const ref = await encryptLeadRef(team.teamKey, leadKey);
      events.push({ id: crypto.randomUUID(), v: 1, lead, ref, at: NOW - 3600_000 + i, type: 'lead_seen', source: 'website', receivedAt: NOW - 3600_000 });
      events.push({ id: crypto.randomUUID(), v: 1, lead, ref, at: NOW - 60_000 + i, type: 'status_changed', status: 'lost', lostReason: 'unreachable' });
    }
    const res = await push(env().app, token, events);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ accepted: events.length, rejected: [] });

    const dump = await dumpEveryTable(env().db);
    for (const recordId of RECORD_IDS) expect(dump).not.toContain(recordId);
    expect(dump).not.toContain(team.teamKey);
    // The reference came back intact: the team key opens it, nothing else does.
    const stored = await env().db.kysely.selectFrom('events').select('body').where('team_id', '=', team.teamId).where('type', '=', 'status_changed').execute();
    const refs = stored.map((row) => (JSON.parse(row.body) as { ref?: string }).ref ?? '');
    const opened = await Promise.all(refs.map((r) => decryptLeadRef(team.teamKey, r)));
    expect(opened.sort()).toEqual(RECORD_IDS.map((id) => `fake-crm:${id}`).sort());
    await expect(decryptLeadRef(generateTeamKey(), refs[0] ?? '')).rejects.toMatchObject({ code: 'wrong_key' });
  });

  it("a manager's browser opens a rep's closed lead in the CRM from its reference; the server learns no record id", async () => {
    const team = await seedTeam(env().db, {
      members: [
        { key: 'lead', name: 'Mia', role: 'manager' },
        { key: 'rep', name: 'Ruud', role: 'rep' },
      ],
    });
    const repToken = team.members.rep?.token ?? '';
    const leadKey = 'demo:LD-2026-000123';
    const lead = await hashLeadKey(team.teamKey, leadKey);
    const other = await hashLeadKey(team.teamKey, 'pipedrive:98765432');
    const events = [
      { id: crypto.randomUUID(), v: 1, lead, ref: await encryptLeadRef(team.teamKey, leadKey), at: NOW - 7200_000, type: 'lead_seen', source: 'website', receivedAt: NOW - 7200_000 },
      { id: crypto.randomUUID(), v: 1, lead, ref: await encryptLeadRef(team.teamKey, leadKey), at: NOW - 60_000, type: 'status_changed', status: 'lost', lostReason: 'unreachable' },
      { id: crypto.randomUUID(), v: 1, lead: other, ref: await encryptLeadRef(team.teamKey, 'pipedrive:98765432'), at: NOW - 60_000, type: 'lead_seen', source: 'website', receivedAt: NOW - 60_000 },
      // A reference made with another key is skipped, not shown as garbage.
      { id: crypto.randomUUID(), v: 1, lead: await hashLeadKey(team.teamKey, 'demo:x'), ref: await encryptLeadRef(generateTeamKey(), 'demo:x'), at: NOW, type: 'lead_seen', source: 'website', receivedAt: NOW },
    ];
    expect((await push(env().app, repToken, events)).status).toBe(200);

    const leadsAsked = [lead, other, events[3]?.lead ?? '', await hashLeadKey(team.teamKey, 'demo:never-pushed')];
    const asRep = await env().app.request('/v1/lead-refs', authed(repToken, { method: 'POST', body: JSON.stringify({ leads: leadsAsked }) }));
    expect(asRep.status).toBe(403);

    const mia = await connect(options(), { serverUrl: SERVER, secret: `${team.members.lead?.token ?? ''}#${team.teamKey}` });
    const opened = await openLeadRefs(options(), mia, leadsAsked);
    expect(opened.sort((a, b) => a.crm.localeCompare(b.crm))).toEqual([
      { lead, crm: 'demo', recordId: 'LD-2026-000123', url: 'http://leadpace-demo.localhost/leads/LD-2026-000123' },
      { lead: other, crm: 'pipedrive', recordId: '98765432', url: null },
    ]);
    const dump = await dumpEveryTable(env().db);
    expect(dump).not.toContain('LD-2026-000123');
    expect(dump).not.toContain('98765432');
  });

  it('refuses a lead-refs request that is not a list of lead hashes', async () => {
    const team = await seedTeam(env().db, { members: [{ key: 'lead', name: 'Mia', role: 'manager' }] });
    const token = team.members.lead?.token ?? '';
    for (const leads of [[], ['demo:4711'], Array.from({ length: 201 }, (_, i) => i.toString(16).padStart(64, '0'))]) {
      const res = await env().app.request('/v1/lead-refs', authed(token, { method: 'POST', body: JSON.stringify({ leads }) }));
      expect(res.status).toBe(400);
    }
  });

  it('refuses a reference that is not bounded base64url', async () => {
    const team = await seedTeam(env().db, { members: [{ key: 'rep', name: 'Rep', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const lead = await hashLeadKey(team.teamKey, 'fake-crm:1');
    const res = await push(env().app, token, [
      { id: crypto.randomUUID(), v: 1, lead, ref: 'fake-crm:4711-DEALER-0815 Jan Jansen', at: NOW, type: 'lead_seen', source: 'website', receivedAt: NOW },
    ]);
    const body = await json<{ accepted: number; rejected: { reason: string }[] }>(res);
    expect(body.accepted).toBe(0);
    expect(body.rejected[0]?.reason).toMatch(/ref/);
  });
});
