import { expect, it } from 'vitest';
import type { UserAdapter } from '@/lib/adapters/user/schema';
import { teamAdapterOverridesSchema, teamUserAdapterSchema } from '@/lib/sync/adapter-overrides';
import { auditPageSchema } from '@/lib/sync/team-audit';
import { garageAdapter } from '@/tests/fixtures/user-adapter';
import { onEveryEngine } from './engines';
import { authed, NOW, seedTeam, type App, type SuiteEnv } from './harness';

// A manager publishes a whole "Add my CRM" adapter to the team under its user-… id: the same
// route and versioning as a fix of a built-in adapter, validated as a user adapter.

const get = (app: App, token: string) => app.request('/v1/team/adapters', authed(token));
const put = (app: App, token: string, id: string, body: unknown) =>
  app.request(`/v1/team/adapters/${id}`, authed(token, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body) }));
const withdraw = (app: App, token: string, id: string) => app.request(`/v1/team/adapters/${id}/withdraw`, authed(token, { method: 'POST', body: '{}' }));
const list = async (app: App, token: string) => teamAdapterOverridesSchema.parse(await (await get(app, token)).json());

async function team(env: SuiteEnv) {
  const t = await seedTeam(env.db, {
    name: 'Autohuis Noord',
    members: [
      { key: 'rep', name: 'Anna Rep', role: 'rep' },
      { key: 'manager', name: 'Lotte Manager', role: 'manager' },
    ],
  });
  return { ...t, rep: t.members.rep?.token ?? '', manager: t.members.manager?.token ?? '' };
}

async function errorOf(res: Response): Promise<{ error: string; message: string }> {
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null || !('error' in body) || !('message' in body)) throw new Error('not an error body');
  return { error: String(body.error), message: String(body.message) };
}

const garage = garageAdapter();

onEveryEngine('team user adapters', (env) => {
  it('reaches every member as data with a version and who published it, apart from the fixes', async () => {
    const t = await team(env());
    env().clock.now = NOW + 5_000;
    const published = await put(env().app, t.manager, garage.id, garage);
    expect(published.status).toBe(200);
    expect(teamUserAdapterSchema.parse(await published.json())).toEqual({
      id: garage.id,
      version: 1,
      adapter: garage,
      updatedAt: NOW + 5_000,
      updatedBy: 'Lotte Manager',
    });
    const seen = await list(env().app, t.rep);
    expect(seen.overrides).toEqual([]);
    expect(seen.userAdapters).toEqual([{ id: garage.id, version: 1, adapter: garage, updatedAt: NOW + 5_000, updatedBy: 'Lotte Manager' }]);

    // A new publication is the next version; unknown keys (anything but data) do not survive.
    const renamed: UserAdapter = { ...garage, name: 'Garage CRM (new layout)' };
    expect((await put(env().app, t.manager, garage.id, { ...renamed, script: 'alert(1)' })).status).toBe(200);
    const after = await list(env().app, t.rep);
    expect(after.userAdapters.map((entry) => [entry.version, entry.adapter.name])).toEqual([[2, 'Garage CRM (new layout)']]);
    expect(JSON.stringify(after)).not.toContain('alert');
  });

  it('is gone for members once withdrawn, and counts on when published again', async () => {
    const t = await team(env());
    await put(env().app, t.manager, garage.id, garage);
    const withdrawn = await withdraw(env().app, t.manager, garage.id);
    expect(withdrawn.status).toBe(200);
    expect((await list(env().app, t.rep)).userAdapters).toEqual([]);
    expect((await withdraw(env().app, t.manager, garage.id)).status).toBe(404);
    await put(env().app, t.manager, garage.id, garage);
    expect((await list(env().app, t.rep)).userAdapters.map((entry) => entry.version)).toEqual([3]);
  });

  it('lets only the manager publish or withdraw, and keeps teams apart', async () => {
    const t = await team(env());
    const byRep = await put(env().app, t.rep, garage.id, garage);
    expect(byRep.status).toBe(403);
    expect(await errorOf(byRep)).toMatchObject({ error: 'forbidden_role' });
    await put(env().app, t.manager, garage.id, garage);
    expect((await withdraw(env().app, t.rep, garage.id)).status).toBe(403);
    const other = await team(env());
    expect((await list(env().app, other.rep)).userAdapters).toEqual([]);
    expect((await list(env().app, t.rep)).userAdapters).toHaveLength(1);
  });

  it.each([
    ['bad JSON', '{"kind":', 'invalid_json', 'not valid JSON'],
    ['a selector fix of a built-in CRM', { kind: 'leadpace-adapter-override', version: 1, crm: 'demo', fields: { source: ['.a'] } }, 'invalid_adapter', 'kind'],
    ['an adapter without a name selector', { ...garage, fields: { receivedAt: ['dd.created'] } }, 'invalid_adapter', 'fields.name'],
    ['a selector that can never parse', { ...garage, fields: { ...garage.fields, source: ['dd[title="x'] } }, 'invalid_adapter', 'not a valid CSS selector'],
    ['a selector with a declaration block', { ...garage, fields: { ...garage.fields, name: ['h1 { color: red }'] } }, 'invalid_adapter', 'not a valid CSS selector'],
    ['an origin with a path', { ...garage, origin: 'https://crm.garage.nl/klant' }, 'invalid_adapter', 'origin'],
    ['a site a built-in adapter reads', { ...garage, origin: 'https://app.hubspot.com' }, 'invalid_adapter', 'built-in adapter'],
    ['an adapter sent to another id', garageAdapter({ id: 'user-other' }), 'invalid_adapter', 'sent to user-crm-garage-nl'],
  ])('refuses %s with 400 and a clear message, and stores nothing', async (_, body, code, message) => {
    const t = await team(env());
    const res = await put(env().app, t.manager, garage.id, body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.error).toBe(code);
    expect(error.message).toContain(message);
    expect((await list(env().app, t.rep)).userAdapters).toEqual([]);
  });

  it('writes publication and withdrawal to the team’s audit log by the adapter’s id', async () => {
    const t = await team(env());
    env().clock.now = NOW + 1_000;
    await put(env().app, t.manager, garage.id, garage);
    env().clock.now = NOW + 2_000;
    await withdraw(env().app, t.manager, garage.id);
    const page = auditPageSchema.parse(await (await env().app.request('/v1/team/audit', authed(t.manager))).json());
    expect(page.entries.map((entry) => [entry.kind, entry.changed])).toEqual([
      ['adapter_override', [garage.id, 'withdrawn']],
      ['adapter_override', [garage.id, 'name', 'phone', 'receivedAt', 'source']],
    ]);
  });
});
