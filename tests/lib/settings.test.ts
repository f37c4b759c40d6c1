import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserTimeZone, DEFAULT_SETTINGS, firstRunSettings, parseSettings, readSettings, saveSettings, settingsItem, type Settings } from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

// Whatever zone this machine runs in: a fresh install starts from it.
const FIRST_RUN = firstRunSettings();
const VALID: Settings = { ...DEFAULT_SETTINGS, repName: 'Mark Visser', language: 'nl', dealerName: 'AutoHuis' };

describe('parseSettings', () => {
  it.each<{ name: string; raw: unknown; expected: Settings }>([
    { name: 'valid', raw: VALID, expected: VALID },
    { name: 'valid, trimmed', raw: { repName: '  Mark ', language: 'en', dealerName: ' AutoHuis\n' }, expected: { ...FIRST_RUN, repName: 'Mark', language: 'en', dealerName: 'AutoHuis' } },
    { name: 'extra keys dropped', raw: { ...VALID, admin: true }, expected: VALID },
    { name: 'bad language keeps the others', raw: { ...VALID, language: 'de' }, expected: { ...VALID, language: 'auto' } },
    { name: 'too long rep name keeps the others', raw: { ...VALID, repName: 'x'.repeat(81) }, expected: { ...VALID, repName: '' } },
    { name: 'numeric dealer name keeps the others', raw: { ...VALID, dealerName: 42 }, expected: { ...VALID, dealerName: '' } },
    { name: 'missing field keeps the others', raw: { repName: 'Mark', language: 'en' }, expected: { ...FIRST_RUN, repName: 'Mark', language: 'en' } },
    { name: 'negative monthly target keeps the others', raw: { ...VALID, monthlyTarget: -1 }, expected: VALID },
    { name: 'fractional monthly target keeps the others', raw: { ...VALID, monthlyTarget: 2.5 }, expected: VALID },
    { name: 'valid monthly target', raw: { ...VALID, monthlyTarget: 12 }, expected: { ...VALID, monthlyTarget: 12 } },
    { name: 'quiet mode as a string keeps the others', raw: { ...VALID, quietMode: 'yes' }, expected: VALID },
    {
      name: 'inverted opening hours fall back to the default hours only',
      raw: { ...VALID, openingHours: { ...DEFAULT_SETTINGS.openingHours, week: { ...DEFAULT_SETTINGS.openingHours.week, 1: { open: '18:00', close: '09:00' } } } },
      expected: VALID,
    },
    { name: 'a bad field among bad fields', raw: { repName: null, language: 'en', dealerName: ['x'] }, expected: { ...FIRST_RUN, language: 'en' } },
    { name: 'empty object', raw: {}, expected: FIRST_RUN },
    { name: 'garbage string', raw: 'garbage', expected: FIRST_RUN },
    { name: 'number', raw: 7, expected: FIRST_RUN },
    { name: 'null', raw: null, expected: FIRST_RUN },
    { name: 'undefined', raw: undefined, expected: FIRST_RUN },
    { name: 'array', raw: ['Mark', 'nl'], expected: FIRST_RUN },
  ])('$name', ({ raw, expected }) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  it('returns a fresh object, never the shared defaults', () => {
    const parsed = parseSettings(null);
    parsed.repName = 'changed';
    expect(DEFAULT_SETTINGS.repName).toBe('');
  });
});

describe('readSettings / saveSettings', () => {
  it('reads defaults from empty storage', async () => {
    expect(await readSettings()).toEqual(FIRST_RUN);
  });

  it('saves valid settings (trimmed) and reads them back', async () => {
    const saved = await saveSettings({ ...DEFAULT_SETTINGS, repName: ' Mark Visser ', language: 'en', dealerName: 'AutoHuis' });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, repName: 'Mark Visser', language: 'en', dealerName: 'AutoHuis' });
    expect(await readSettings()).toEqual(saved);
    expect(await settingsItem.getValue()).toEqual(saved);
  });

  it.each<{ name: string; value: Settings }>([
    { name: 'too long rep name', value: { ...VALID, repName: 'x'.repeat(81) } },
    { name: 'too long dealer name', value: { ...VALID, dealerName: 'x'.repeat(121) } },
    { name: 'unknown language', value: { ...VALID, language: 'de' as Settings['language'] } },
    { name: 'negative monthly target', value: { ...VALID, monthlyTarget: -3 } },
    {
      name: 'opening hours that close before they open',
      value: { ...VALID, openingHours: { ...VALID.openingHours, week: { ...VALID.openingHours.week, 2: { open: '17:00', close: '08:00' } } } },
    },
  ])('rejects $name and keeps what was stored', async ({ value }) => {
    await saveSettings(VALID);
    await expect(saveSettings(value)).rejects.toThrow();
    expect(await readSettings()).toEqual(VALID);
  });

  it('accepts the longest allowed values', async () => {
    const value: Settings = { ...DEFAULT_SETTINGS, repName: 'x'.repeat(80), language: 'auto', dealerName: 'y'.repeat(120) };
    expect(await saveSettings(value)).toEqual(value);
  });

  it('a corrupted stored value falls back field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { repName: 'Mark', language: 'klingon', dealerName: 5 } });
    expect(await readSettings()).toEqual({ ...FIRST_RUN, repName: 'Mark' });
  });
});

describe('first-run dealer zone', () => {
  it('takes the zone from the browser', () => {
    const zone = browserTimeZone();
    expect(zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(FIRST_RUN.openingHours.timeZone).toBe(zone);
  });

  it.each([
    { zone: 'America/Chicago', holidays: false },
    { zone: 'Europe/Amsterdam', holidays: true },
    { zone: 'Europe/Brussels', holidays: false },
    { zone: 'Not/AZone', expectedZone: 'Europe/Amsterdam', holidays: true },
    { zone: '', expectedZone: 'Europe/Amsterdam', holidays: true },
  ])('a browser in $zone starts in $expectedZone with Dutch holidays $holidays', ({ zone, expectedZone, holidays }) => {
    const settings = firstRunSettings(zone);
    expect(settings.openingHours.timeZone).toBe(expectedZone ?? zone);
    expect(settings.openingHours.holidays).toBe(holidays);
    expect(settings.openingHours.week).toEqual(DEFAULT_SETTINGS.openingHours.week);
  });

  it('a stored zone is kept, even when the browser runs elsewhere', () => {
    const stored = { ...VALID, openingHours: { ...VALID.openingHours, timeZone: 'Europe/Amsterdam' } };
    expect(parseSettings(stored, firstRunSettings('America/Chicago')).openingHours.timeZone).toBe('Europe/Amsterdam');
  });

  it('opening hours that lost only their zone keep the rest and get the browser zone', () => {
    const withoutZone: Partial<Settings['openingHours']> = { ...VALID.openingHours, closedDates: ['2026-12-24'], holidays: false };
    delete withoutZone.timeZone;
    const parsed = parseSettings({ ...VALID, openingHours: withoutZone }, firstRunSettings('America/Chicago'));
    expect(parsed.openingHours).toEqual({ ...withoutZone, timeZone: 'America/Chicago' });
    expect(parsed.repName).toBe('Mark Visser');
  });

  it('the v3 migration fills a missing zone and leaves a stored one alone', async () => {
    const withoutZone: Partial<Settings['openingHours']> = { ...VALID.openingHours };
    delete withoutZone.timeZone;
    await fakeBrowser.storage.local.set({ settings: { ...VALID, openingHours: withoutZone }, settings$: { v: 2 } });
    await settingsItem.migrate();
    const migrated = parseSettings(await settingsItem.getValue());
    expect(migrated.openingHours).toEqual({ ...withoutZone, timeZone: FIRST_RUN.openingHours.timeZone });
    expect(migrated.repName).toBe('Mark Visser');

    const amsterdam = { ...VALID, openingHours: { ...VALID.openingHours, timeZone: 'Europe/Amsterdam' } };
    await fakeBrowser.storage.local.set({ settings: amsterdam, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(amsterdam);
  });
});
