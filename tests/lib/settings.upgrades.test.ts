import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { firstRunSettings, readSettings, settingsItem } from '@/lib/settings';

// Settings as earlier versions of the extension stored them (tests/fixtures/upgrades/): a
// browser that updates must read the rep's own values back, whatever version it last ran.

beforeEach(() => {
  fakeBrowser.reset();
});

const fixture = (name: string): unknown => JSON.parse(readFileSync(`tests/fixtures/upgrades/${name}`, 'utf8'));
const FIRST_RUN = firstRunSettings();

describe.each([
  {
    version: 1,
    file: 'settings-v1.json',
    kept: { repName: 'Mark Visser', language: 'nl', dealerName: 'AutoHuis Utrecht' },
    // v1 had no hours: the browser's zone and the default week, as on a fresh install.
    openingHours: FIRST_RUN.openingHours,
  },
  {
    version: 2,
    file: 'settings-v2.json',
    kept: { repName: 'Mark Visser', language: 'en', dealerName: 'AutoHuis Utrecht', monthlyTarget: 14, quietMode: true },
    // v2 hours had no zone: the week and closed dates stay, the zone is the browser's.
    openingHours: { ...(fixture('settings-v2.json') as { openingHours: object }).openingHours, timeZone: FIRST_RUN.openingHours.timeZone },
  },
])('settings stored by version $version', ({ version, file, kept, openingHours }) => {
  it('upgrade to the current version and read the same values', async () => {
    await fakeBrowser.storage.local.set({ settings: fixture(file), settings$: { v: version } });
    await settingsItem.migrate();
    const settings = await readSettings();
    expect(settings).toMatchObject(kept);
    expect(settings.openingHours).toEqual(openingHours);
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ 'settings$': { v: 3 } });
  });
});
