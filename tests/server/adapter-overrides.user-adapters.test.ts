import { expect, it } from 'vitest';
import type { UserAdapter } from '@/lib/adapters/user/schema';
import { teamUserAdapterSchema } from '@/lib/sync/adapter-overrides';
import { auditPageSchema } from '@/lib/sync/team-audit';
import { garageAdapter } from '@/tests/fixtures/user-adapter';
import { onEveryEngine } from './engines';
import { errorOf, listAdapters, putAdapter, repAndManager, withdrawAdapter } from './adapter-override-requests';
import { authed, NOW } from './harness';

// A manager publishes a whole "Add my CRM" adapter to the team under its user-… id: the same
// route and versioning as a fix of a built-in adapter, validated as a user adapter.


const garage = garageAdapter();

onEveryEngine('team user adapters', (env) => {
  it('reaches every member as data with a version and who published it, apart from the fixes', async () => {
    const t = await repAndManager(env());
    env().clock.now = NOW + 5_000;
    const published = await putAdapter(env().app, t.manager, garage.id, garage);
    expect(published.status).toBe(200);
    expect(teamUserAdapterSchema.parse(await published.json())).toEqual({
      id: garage.id,
      version: 1,
      adapter: garage,
      updatedAt: NOW + 5_000,
      updatedBy: 'Lotte Manager',
    });
    const seen = await listAdapters(env().app, t.rep);
    expect(seen.overrides).toEqual([]);
    expect(seen.userAdapters).toEqual([{ id: garage.id, version: 1, adapter: garage, updatedAt: NOW + 5_000, updatedBy: 'Lotte Manager' }]);

    // A new publication is the next version; unknown keys (anything but data) do not survive.
    const renamed: UserAdapter = { ...garage, name: 'Garage CRM (new layout)' };
    expect((await putAdapter(env().app, t.manager, garage.id, { ...renamed, script: 'alert(1)' })).status).toBe(200);
    const after = await listAdapters(env().app, t.rep);
    expect(after.userAdapters.map((entry) => [entry.version, entry.adapter.name])).toEqual([[2, 'Garage CRM (new layout)']]);
    expect(JSON.stringify(after)).not.toContain('alert');
  });

  it('is gone for members once withdrawn, and counts on when published again', async () => {
    const t = await repAndManager(env());
    await putAdapter(env().app, t.manager, garage.id, garage);
    const withdrawn = await withdrawAdapter(env().app, t.manager, garage.id);
    expect(withdrawn.status).toBe(200);
    expect((await listAdapters(env().app, t.rep)).userAdapters).toEqual([]);
    expect((await withdrawAdapter(env().app, t.manager, garage.id)).status).toBe(404);
    await putAdapter(env().app, t.manager, garage.id, garage);
    expect((await listAdapters(env().app, t.rep)).userAdapters.map((entry) => entry.version)).toEqual([3]);
  });

  it('lets only the manager publish or withdraw, and keeps teams apart', async () => {
    const t = await repAndManager(env());
    const byRep = await putAdapter(env().app, t.rep, garage.id, garage);
    expect(byRep.status).toBe(403);
    expect(await errorOf(byRep)).toMatchObject({ error: 'forbidden_role' });
    await putAdapter(env().app, t.manager, garage.id, garage);
    expect((await withdrawAdapter(env().app, t.rep, garage.id)).status).toBe(403);
    const other = await repAndManager(env());
    expect((await listAdapters(env().app, other.rep)).userAdapters).toEqual([]);
    expect((await listAdapters(env().app, t.rep)).userAdapters).toHaveLength(1);
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
    const t = await repAndManager(env());
    const res = await putAdapter(env().app, t.manager, garage.id, body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.error).toBe(code);
    expect(error.message).toContain(message);
    expect((await listAdapters(env().app, t.rep)).userAdapters).toEqual([]);
  });

  it('writes publication and withdrawal to the team’s audit log by the adapter’s id', async () => {
    const t = await repAndManager(env());
    env().clock.now = NOW + 1_000;
    await putAdapter(env().app, t.manager, garage.id, garage);
    env().clock.now = NOW + 2_000;
    await withdrawAdapter(env().app, t.manager, garage.id);
    const page = auditPageSchema.parse(await (await env().app.request('/v1/team/audit', authed(t.manager))).json());
    expect(page.entries.map((entry) => [entry.kind, entry.changed])).toEqual([
      ['adapter_override', [garage.id, 'withdrawn']],
      ['adapter_override', [garage.id, 'name', 'phone', 'receivedAt', 'source']],
    ]);
  });
});
