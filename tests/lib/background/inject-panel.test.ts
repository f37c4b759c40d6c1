import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectPanel, injectPanelMessageSchema, LIST_SCRIPT_FILE, PANEL_SCRIPT_FILE } from '@/lib/background/inject-panel';
import { userAdaptersItem } from '@/lib/storage/user-adapters-item';
import { garageAdapter } from '@/tests/fixtures/user-adapter';

const executeScript = vi.fn(() => Promise.resolve([]));

beforeEach(() => {
  fakeBrowser.reset();
  executeScript.mockClear();
  // `scripting` is not part of WXT's fake browser.
  Object.assign(fakeBrowser, { scripting: { executeScript } });
});

describe('injectPanel', () => {
  it.each([
    { name: 'a lead page of the demo CRM', url: 'http://leadpace-demo.localhost:5173/leads/L-1', frameId: 0, ok: true },
    { name: 'the inbox (a SPA route change reports the previous URL)', url: 'http://leadpace-demo.localhost/leads', frameId: 3, ok: true },
    { name: 'another site', url: 'https://evil.example/leads/L-1', frameId: 0, ok: false },
    { name: 'a sender without a URL', url: undefined, frameId: 0, ok: false },
    { name: 'a malformed URL', url: 'not a url', frameId: 0, ok: false },
  ])('$name → injected: $ok', async ({ url, frameId, ok }) => {
    const result = await injectPanel({ url, frameId, tab: { id: 7 } });
    expect(result.ok).toBe(ok);
    if (ok) {
      expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [frameId] }, files: [PANEL_SCRIPT_FILE] });
    } else {
      expect(executeScript).not.toHaveBeenCalled();
    }
  });

  it('needs a tab', async () => {
    expect((await injectPanel({ url: 'http://leadpace-demo.localhost/leads/L-1' })).ok).toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it.each([
    [{ leadpace: 'inject-panel' }, true],
    [{ leadpace: 'inject-everything' }, false],
    ['inject-panel', false],
    [null, false],
  ])('message %j is the detector’s: %s', (message, expected) => {
    expect(injectPanelMessageSchema.safeParse(message).success).toBe(expected);
  });
});

describe('injectPanel for the dealer’s own adapters', () => {
  const garage = garageAdapter({ id: 'user-garage-crm-nl', origin: 'https://garage-crm.nl', fields: { name: ['h2.klant-naam'] } });

  beforeEach(async () => {
    await userAdaptersItem.setValue([garage]);
  });

  it.each([
    { name: 'its lead page', url: 'https://garage-crm.nl/klant/4711', ok: true },
    { name: 'another page of that site', url: 'https://garage-crm.nl/voorraad', ok: false },
    { name: 'a look-alike site', url: 'https://garage-crm.nl.evil.example/klant/4711', ok: false },
  ])('$name → injected: $ok', async ({ url, ok }) => {
    const result = await injectPanel({ url, frameId: 0, tab: { id: 9 } });
    expect(result.ok).toBe(ok);
    expect(executeScript).toHaveBeenCalledTimes(ok ? 1 : 0);
  });

  it('a stored adapter that no longer validates is ignored', async () => {
    await userAdaptersItem.setValue([{ ...garage, fields: { name: [] } }]);
    expect((await injectPanel({ url: 'https://garage-crm.nl/klant/4711', frameId: 0, tab: { id: 9 } })).ok).toBe(false);
  });
});

describe('injectPanel for inbox and list pages', () => {
  it('injects only the small list reader on a built-in CRM', async () => {
    const result = await injectPanel({ url: 'http://leadpace-demo.localhost/leads', frameId: 0, tab: { id: 4 } }, { leadpace: 'inject-list' });
    expect(result.ok).toBe(true);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 4, frameIds: [0] }, files: [LIST_SCRIPT_FILE] });
  });

  it('refuses a list reader on a site without a built-in adapter', async () => {
    const result = await injectPanel({ url: 'https://garage-crm.nl/klanten', frameId: 0, tab: { id: 4 } }, { leadpace: 'inject-list' });
    expect(result.ok).toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('the detector may ask for either', () => {
    expect(injectPanelMessageSchema.safeParse({ leadpace: 'inject-list' }).success).toBe(true);
  });
});
