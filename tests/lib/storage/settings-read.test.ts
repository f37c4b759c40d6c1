import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, firstRunSettings, readSettings, saveSettings, settingsItem, type Settings } from '@/lib/settings';
import { followSettings, primeSettings } from '@/lib/storage/settings-read';

// followSettings reads storage.local itself instead of through settingsItem (the popup's first
// screen does not load WXT's storage layer): it must see exactly what the item sees.

beforeEach(() => {
  fakeBrowser.reset();
});

const fixture = (name: string): unknown => JSON.parse(readFileSync(`tests/fixtures/upgrades/${name}`, 'utf8'));

function follow(): { seen: Settings[]; stop: () => void; next: (count: number) => Promise<Settings> } {
  const seen: Settings[] = [];
  const waiters: (() => void)[] = [];
  const stop = followSettings((settings) => {
    seen.push(settings);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async (count: number): Promise<Settings> => {
    while (seen.length < count) await new Promise<void>((wake) => waiters.push(wake));
    const last = seen[count - 1];
    if (!last) throw new Error('no settings seen');
    return last;
  };
  return { seen, stop, next };
}

describe('followSettings', () => {
  it('reads a fresh install as the first-run settings, like the item’s fallback', async () => {
    const { next, stop } = follow();
    expect(await next(1)).toEqual(firstRunSettings());
    expect(await readSettings()).toEqual(firstRunSettings());
    stop();
  });

  it('reads what saveSettings stored, then every later save', async () => {
    const first = await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Mark Visser', language: 'nl' });
    const { next, stop } = follow();
    expect(await next(1)).toEqual(first);
    const second = await saveSettings({ ...first, quietMode: true, monthlyTarget: 12 });
    expect(await next(2)).toEqual(second);
    stop();
  });

  it('stops hearing changes once unsubscribed', async () => {
    const { next, seen, stop } = follow();
    await next(1);
    stop();
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Late' });
    expect(seen).toHaveLength(1);
  });

  it('falls back to the first-run settings when the value is removed', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Gone' });
    const { next, stop } = follow();
    await next(1);
    await settingsItem.removeValue();
    expect(await next(2)).toEqual(firstRunSettings());
    stop();
  });

  it.each([
    [1, 'settings-v1.json'],
    [2, 'settings-v2.json'],
  ])('reads a value stored by version %i before the background migrated it as readSettings does after', async (version, file) => {
    await fakeBrowser.storage.local.set({ settings: fixture(file), settings$: { v: version } });
    const { next, stop } = follow();
    const beforeMigration = await next(1);
    stop();
    await settingsItem.migrate();
    expect(beforeMigration).toEqual(await readSettings());
  });

  it('ignores other keys and other storage areas', async () => {
    const { next, seen, stop } = follow();
    await next(1);
    await fakeBrowser.storage.local.set({ repId: 'x' });
    await fakeBrowser.storage.session.set({ settings: { repName: 'session' } });
    expect(seen).toHaveLength(1);
    stop();
  });
});

describe('primeSettings: the popup starts the read before React renders', () => {
  it('hands its read to the next followSettings, which reads no second time', async () => {
    const saved = await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Primed' });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    primeSettings();
    const { next, stop } = follow();
    expect(await next(1)).toEqual(saved);
    expect(get).toHaveBeenCalledTimes(1);
    // Taken: the next follower reads for itself.
    const again = follow();
    expect(await again.next(1)).toEqual(saved);
    expect(get).toHaveBeenCalledTimes(2);
    stop();
    again.stop();
    get.mockRestore();
  });

  it('gives a change made between priming and following, not the older read', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Before' });
    primeSettings();
    const newer = await saveSettings({ ...DEFAULT_SETTINGS, repName: 'After', language: 'nl' });
    await new Promise((wake) => setTimeout(wake, 0));
    const { next, seen, stop } = follow();
    expect(await next(1)).toEqual(newer);
    await new Promise((wake) => setTimeout(wake, 0));
    expect(seen).toEqual([newer]);
    stop();
  });
});
