import { expect, it } from 'vitest';
import { ADAPTER_OVERRIDE_KIND, type AdapterOverride } from '@/lib/adapters/overrides/schema';
import { teamAdapterOverridesSchema } from '@/lib/sync/adapter-overrides';
import { auditPageSchema } from '@/lib/sync/team-audit';
import { onEveryEngine } from './engines';
import { errorOf, getAdapters, putAdapter, repAndManager, withdrawAdapter } from './adapter-override-requests';
import { authed, NOW, type App } from './harness';

const fix = (crm: string, fields: AdapterOverride['fields'] = { source: ['.lead-source'] }): AdapterOverride => ({
  kind: ADAPTER_OVERRIDE_KIND,
  version: 1,
  crm,
  fields,
});


onEveryEngine('team adapter overrides', (env) => {
  it('starts empty, and a published fix reaches every member with a version and who published it', async () => {
    const t = await repAndManager(env());
    const empty = await getAdapters(env().app, t.rep);
    expect(empty.status).toBe(200);
    expect(teamAdapterOverridesSchema.parse(await empty.json())).toEqual({ overrides: [], userAdapters: [] });

    env().clock.now = NOW + 5_000;
    const published = await putAdapter(env().app, t.manager, 'demo', fix('demo'));
    expect(published.status).toBe(200);
    const list = teamAdapterOverridesSchema.parse(await (await getAdapters(env().app, t.rep)).json());
    expect(list.overrides).toEqual([{ crm: 'demo', version: 1, override: fix('demo'), updatedAt: NOW + 5_000, updatedBy: 'Lotte Manager' }]);

    // Each publication of the same CRM is the next version; other CRMs count on their own.
    await putAdapter(env().app, t.manager, 'demo', fix('demo', { name: ['h1.title'] }));
    await putAdapter(env().app, t.manager, 'hubspot', fix('hubspot'));
    const after = teamAdapterOverridesSchema.parse(await (await getAdapters(env().app, t.rep)).json());
    expect(after.overrides.map((o) => [o.crm, o.version, Object.keys(o.override.fields)])).toEqual([
      ['demo', 2, ['name']],
      ['hubspot', 1, ['source']],
    ]);
  });

  it('answers 304 while nothing changed, and a new ETag after a publication or withdrawal', async () => {
    const t = await repAndManager(env());
    await putAdapter(env().app, t.manager, 'demo', fix('demo'));
    const first = await getAdapters(env().app, t.rep);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"ao-/);
    expect((await getAdapters(env().app, t.rep, { 'if-none-match': etag })).status).toBe(304);

    expect((await withdrawAdapter(env().app, t.manager, 'demo')).status).toBe(200);
    const afterWithdraw = await getAdapters(env().app, t.rep, { 'if-none-match': etag });
    expect(afterWithdraw.status).toBe(200);
    expect(teamAdapterOverridesSchema.parse(await afterWithdraw.json()).overrides).toEqual([]);

    // Published again after a withdrawal: the version keeps counting, so no member mistakes it for the old one.
    await putAdapter(env().app, t.manager, 'demo', fix('demo'));
    const again = teamAdapterOverridesSchema.parse(await (await getAdapters(env().app, t.rep)).json());
    expect(again.overrides.map((o) => o.version)).toEqual([3]);
  });

  it('lets only the manager publish or withdraw (403 for reps) and keeps teams apart', async () => {
    const t = await repAndManager(env());
    const byRep = await putAdapter(env().app, t.rep, 'demo', fix('demo'));
    expect(byRep.status).toBe(403);
    expect(await errorOf(byRep)).toMatchObject({ error: 'forbidden_role' });
    await putAdapter(env().app, t.manager, 'demo', fix('demo'));
    expect((await withdrawAdapter(env().app, t.rep, 'demo')).status).toBe(403);

    const other = await repAndManager(env());
    expect(teamAdapterOverridesSchema.parse(await (await getAdapters(env().app, other.rep)).json()).overrides).toEqual([]);
    expect((await withdrawAdapter(env().app, other.manager, 'demo')).status).toBe(404);
    expect(teamAdapterOverridesSchema.parse(await (await getAdapters(env().app, t.rep)).json()).overrides).toHaveLength(1);
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
    const t = await repAndManager(env());
    const res = await putAdapter(env().app, t.manager, 'demo', body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.error).toBe(code);
    expect(error.message).toContain(message);
    expect(teamAdapterOverridesSchema.parse(await (await getAdapters(env().app, t.rep)).json()).overrides).toEqual([]);
  });

  it('refuses a CRM id that is no built-in adapter, a selector fix sent to a user adapter, and a body over the size limit', async () => {
    const t = await repAndManager(env());
    const bad = await putAdapter(env().app, t.manager, 'Not A CRM', fix('demo'));
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatchObject({ error: 'invalid_crm' });
    const user = await putAdapter(env().app, t.manager, 'user-garage', fix('user-garage'));
    expect(user.status).toBe(400);
    expect(await errorOf(user)).toMatchObject({ error: 'invalid_adapter' });
    const huge = await putAdapter(env().app, t.manager, 'demo', { ...fix('demo'), note: 'x'.repeat(60 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('writes every publication and withdrawal to the team’s audit log', async () => {
    const t = await repAndManager(env());
    env().clock.now = NOW + 1_000;
    await putAdapter(env().app, t.manager, 'demo', fix('demo', { source: ['.a'], receivedAt: ['time'] }));
    env().clock.now = NOW + 2_000;
    await withdrawAdapter(env().app, t.manager, 'demo');
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
