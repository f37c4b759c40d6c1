import { expect, it } from 'vitest';
import { ADAPTER_OVERRIDE_KIND, type AdapterOverride } from '@/lib/adapters/overrides/schema';
import { teamAdapterOverridesSchema } from '@/lib/sync/adapter-overrides';
import { auditPageSchema } from '@/lib/sync/team-audit';
import { onEveryEngine } from './engines';
import { authed, NOW, seedTeam, type App, type SuiteEnv } from './harness';

const fix = (crm: string, fields: AdapterOverride['fields'] = { source: ['.lead-source'] }): AdapterOverride => ({
  kind: ADAPTER_OVERRIDE_KIND,
  version: 1,
  crm,
  fields,
});

const get = (app: App, token: string, headers: Record<string, string> = {}) => app.request('/v1/team/adapters', authed(token, { headers }));
const put = (app: App, token: string, crm: string, body: unknown) =>
  app.request(`/v1/team/adapters/${crm}`, authed(token, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body) }));
const withdraw = (app: App, token: string, crm: string) => app.request(`/v1/team/adapters/${crm}/withdraw`, authed(token, { method: 'POST', body: '{}' }));

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

onEveryEngine('team adapter overrides', (env) => {
  it('starts empty, and a published fix reaches every member with a version and who published it', async () => {
    const t = await team(env());
    const empty = await get(env().app, t.rep);
    expect(empty.status).toBe(200);
    expect(teamAdapterOverridesSchema.parse(await empty.json())).toEqual({ overrides: [], userAdapters: [] });

    env().clock.now = NOW + 5_000;
    const published = await put(env().app, t.manager, 'demo', fix('demo'));
    expect(published.status).toBe(200);
    const list = teamAdapterOverridesSchema.parse(await (await get(env().app, t.rep)).json());
    expect(list.overrides).toEqual([{ crm: 'demo', version: 1, override: fix('demo'), updatedAt: NOW + 5_000, updatedBy: 'Lotte Manager' }]);

    // Each publication of the same CRM is the next version; other CRMs count on their own.
    await put(env().app, t.manager, 'demo', fix('demo', { name: ['h1.title'] }));
    await put(env().app, t.manager, 'hubspot', fix('hubspot'));
    const after = teamAdapterOverridesSchema.parse(await (await get(env().app, t.rep)).json());
    expect(after.overrides.map((o) => [o.crm, o.version, Object.keys(o.override.fields)])).toEqual([
      ['demo', 2, ['name']],
      ['hubspot', 1, ['source']],
    ]);
  });

  it('answers 304 while nothing changed, and a new ETag after a publication or withdrawal', async () => {
    const t = await team(env());
    await put(env().app, t.manager, 'demo', fix('demo'));
    const first = await get(env().app, t.rep);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"ao-/);
    expect((await get(env().app, t.rep, { 'if-none-match': etag })).status).toBe(304);

    expect((await withdraw(env().app, t.manager, 'demo')).status).toBe(200);
    const afterWithdraw = await get(env().app, t.rep, { 'if-none-match': etag });
    expect(afterWithdraw.status).toBe(200);
    expect(teamAdapterOverridesSchema.parse(await afterWithdraw.json()).overrides).toEqual([]);

    // Published again after a withdrawal: the version keeps counting, so no member mistakes it for the old one.
    await put(env().app, t.manager, 'demo', fix('demo'));
    const again = teamAdapterOverridesSchema.parse(await (await get(env().app, t.rep)).json());
    expect(again.overrides.map((o) => o.version)).toEqual([3]);
  });

  it('lets only the manager publish or withdraw (403 for reps) and keeps teams apart', async () => {
    const t = await team(env());
    const byRep = await put(env().app, t.rep, 'demo', fix('demo'));
    expect(byRep.status).toBe(403);
    expect(await errorOf(byRep)).toMatchObject({ error: 'forbidden_role' });
    await put(env().app, t.manager, 'demo', fix('demo'));
    expect((await withdraw(env().app, t.rep, 'demo')).status).toBe(403);

    const other = await team(env());
    expect(teamAdapterOverridesSchema.parse(await (await get(env().app, other.rep)).json()).overrides).toEqual([]);
    expect((await withdraw(env().app, other.manager, 'demo')).status).toBe(404);
    expect(teamAdapterOverridesSchema.parse(await (await get(env().app, t.rep)).json()).overrides).toHaveLength(1);
    expect((await app401(env().app)).status).toBe(401);
  });

  it.each([
    ['bad JSON', '{"kind":', 'invalid_json', 'not valid JSON'],
    ['an empty fix', { ...fix('demo'), fields: {} }, 'invalid_override', 'at least one field'],
    ['a selector that can never parse', fix('demo', { source: ['dd[title="x'] }), 'invalid_override', 'not a valid CSS selector'],
    ['a selector with a declaration block', fix('demo', { source: ['dd { display: none }'] }), 'invalid_override', 'not a valid CSS selector'],
    ['the lead id', { ...fix('demo'), fields: { leadId: ['.id'] } }, 'invalid_override', 'leadId'],
    ['a user adapter file', { kind: 'leadpace-user-adapter', version: 1, id: 'user-x' }, 'invalid_override', 'kind'],
    ['a fix for another CRM than the address', fix('hubspot'), 'invalid_override', 'sent to demo'],
  ])('refuses %s with 400 and a clear message', async (_, body, code, message) => {
    const t = await team(env());
    const res = await put(env().app, t.manager, 'demo', body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.error).toBe(code);
    expect(error.message).toContain(message);
    expect(teamAdapterOverridesSchema.parse(await (await get(env().app, t.rep)).json()).overrides).toEqual([]);
  });

  it('refuses a CRM id that is no built-in adapter, a selector fix sent to a user adapter, and a body over the size limit', async () => {
    const t = await team(env());
    const bad = await put(env().app, t.manager, 'Not A CRM', fix('demo'));
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatchObject({ error: 'invalid_crm' });
    const user = await put(env().app, t.manager, 'user-garage', fix('user-garage'));
    expect(user.status).toBe(400);
    expect(await errorOf(user)).toMatchObject({ error: 'invalid_adapter' });
    const huge = await put(env().app, t.manager, 'demo', { ...fix('demo'), note: 'x'.repeat(60 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('writes every publication and withdrawal to the team’s audit log', async () => {
    const t = await team(env());
    env().clock.now = NOW + 1_000;
    await put(env().app, t.manager, 'demo', fix('demo', { source: ['.a'], receivedAt: ['time'] }));
    env().clock.now = NOW + 2_000;
    await withdraw(env().app, t.manager, 'demo');
    const res = await env().app.request('/v1/team/audit', authed(t.manager));
    const page = auditPageSchema.parse(await res.json());
    expect(page.entries.map((entry) => [entry.kind, entry.changed])).toEqual([
      ['adapter_override', ['demo', 'withdrawn']],
      ['adapter_override', ['demo', 'receivedAt', 'source']],
    ]);
  });
});

async function app401(app: App): Promise<Response> {
  return app.request('/v1/team/adapters', { headers: { authorization: 'Bearer nope' } });
}
