import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { userAdaptersItem } from '@/lib/storage/user-adapters-item';
import { CRM_SCRIPT_FILE, reconcileContentScripts } from '@/lib/background/content-scripts';
import { saveFromPicker } from '@/lib/background/user-adapters';
import { garageAdapter } from '@/tests/fixtures/user-adapter';

// `scripting` and `permissions.contains` are not in WXT's fake browser: a small model of both.
let registered: { id: string; matches: string[] }[] = [];
let granted = new Set<string>();

const scripting = {
  getRegisteredContentScripts: vi.fn(async () => registered.map((script) => ({ ...script }))),
  registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[]; js: string[] }[]) => {
    registered.push(...scripts.map(({ id, matches }) => ({ id, matches })));
  }),
  unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
    registered = registered.filter((script) => !ids.includes(script.id));
  }),
};
const permissions = {
  contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin))),
};

const garage = garageAdapter({ id: 'user-garage-crm-nl', origin: 'https://garage-crm.nl', fields: { name: ['h2.klant-naam'] } });

beforeEach(() => {
  fakeBrowser.reset();
  registered = [];
  granted = new Set();
  vi.clearAllMocks();
  Object.assign(fakeBrowser, { scripting, permissions });
});

describe('reconcileContentScripts', () => {
  it('registers exactly the granted CRMs, built-in and the dealer’s own', async () => {
    granted = new Set(['http://leadpace-demo.localhost/*', 'https://garage-crm.nl/*']);
    await userAdaptersItem.setValue([garage]);
    const result = await reconcileContentScripts();
    expect(result.added.map((adapter) => adapter.id).sort()).toEqual(['demo', 'user-garage-crm-nl']);
    expect(result.removed).toEqual([]);
    expect(registered.map((script) => script.id).sort()).toEqual(['leadpace-crm-demo', 'leadpace-crm-user-garage-crm-nl']);
    expect(scripting.registerContentScripts).toHaveBeenCalledWith([expect.objectContaining({ js: [CRM_SCRIPT_FILE] })]);
    // Idempotent: a second run at the next worker start changes nothing.
    expect(await reconcileContentScripts()).toEqual({ added: [], removed: [] });
  });

  it('revoking a CRM or deleting a user adapter unregisters it and reports it as removed', async () => {
    granted = new Set(['http://leadpace-demo.localhost/*', 'https://garage-crm.nl/*']);
    await userAdaptersItem.setValue([garage]);
    await reconcileContentScripts();
    granted.delete('http://leadpace-demo.localhost/*');
    await userAdaptersItem.setValue([]);
    const result = await reconcileContentScripts();
    expect(result.removed.sort()).toEqual(['demo', 'user-garage-crm-nl']);
    expect(registered).toEqual([]);
  });
});

describe('saveFromPicker', () => {
  it('stores an adapter for the page’s own site', async () => {
    const result = await saveFromPicker(garage, 'https://garage-crm.nl/klant/4711');
    expect(result).toEqual({ ok: true, value: { id: 'user-garage-crm-nl' } });
    expect(await userAdaptersItem.getValue()).toEqual([garage]);
  });

  it.each([
    ['another site', 'https://evil.example/klant/1', 'forbidden'],
    ['no sender', undefined, 'forbidden'],
  ])('refuses an adapter sent from %s', async (_name, sender, code) => {
    const result = await saveFromPicker(garage, sender);
    expect(result.ok ? null : result.code).toBe(code);
    expect(await userAdaptersItem.getValue()).toEqual([]);
  });

  it('refuses an invalid adapter with the reason', async () => {
    const result = await saveFromPicker({ ...garage, idFromUrl: undefined }, 'https://garage-crm.nl/klant/4711');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('fields.leadId');
  });

  it('refuses a site a built-in adapter already reads', async () => {
    const salesforce = { ...garage, id: 'user-acme', origin: 'https://acme.lightning.force.com' };
    const result = await saveFromPicker(salesforce, 'https://acme.lightning.force.com/lightning/r/Lead/00Q/view');
    expect(result.ok ? null : result.reason).toMatch(/built-in Salesforce/);
  });
});
