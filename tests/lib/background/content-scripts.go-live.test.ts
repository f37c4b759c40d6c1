import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reconcileContentScripts } from '@/lib/background/content-scripts';
import { readGoLives } from '@/lib/storage/go-live-item';

// Enabling a CRM records its go-live: the start of that day in the dealer's zone. Leads found
// there later that were received before it are backlog.

let registered: { id: string; matches: string[] }[] = [];
let granted = new Set<string>();
const scripting = {
  getRegisteredContentScripts: vi.fn(async () => registered.map((script) => ({ ...script }))),
  registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[] }[]) => {
    registered.push(...scripts.map(({ id, matches }) => ({ id, matches })));
  }),
  unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
    registered = registered.filter((script) => !ids.includes(script.id));
  }),
};
const permissions = { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))) };

beforeEach(() => {
  fakeBrowser.reset();
  registered = [];
  granted = new Set();
  Object.assign(fakeBrowser, { scripting, permissions });
});

describe('go-live when a CRM is enabled', () => {
  it('is the start of the day it was first enabled, and re-enabling later keeps it', async () => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-01T15:30:00+01:00'));
    granted = new Set(['http://leadpace-demo.localhost/*']);
    await reconcileContentScripts();
    expect(await readGoLives()).toEqual({ demo: Date.parse('2026-12-01T00:00:00+01:00') });

    granted = new Set();
    await reconcileContentScripts();
    clock.mockReturnValue(Date.parse('2026-12-09T10:00:00+01:00'));
    granted = new Set(['http://leadpace-demo.localhost/*']);
    await reconcileContentScripts();
    expect(await readGoLives()).toEqual({ demo: Date.parse('2026-12-01T00:00:00+01:00') });
  });

  it('a CRM not enabled gets none', async () => {
    await reconcileContentScripts();
    expect(await readGoLives()).toEqual({});
  });
});
