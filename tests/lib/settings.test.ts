import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, parseSettings, readSettings, saveSettings, settingsItem, type Settings } from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

const VALID: Settings = { ...DEFAULT_SETTINGS, repName: 'Mark Visser', language: 'nl', dealerName: 'AutoHuis' };

describe('parseSettings', () => {
  it.each<{ name: string; raw: unknown; expected: Settings }>([
    { name: 'valid', raw: VALID, expected: VALID },
    { name: 'valid, trimmed', raw: { repName: '  Mark ', language: 'en', dealerName: ' AutoHuis\n' }, expected: { ...DEFAULT_SETTINGS, repName: 'Mark', language: 'en', dealerName: 'AutoHuis' } },
    { name: 'extra keys dropped', raw: { ...VALID, admin: true }, expected: VALID },
    { name: 'bad language keeps the others', raw: { ...VALID, language: 'de' }, expected: { ...VALID, language: 'auto' } },
    { name: 'too long rep name keeps the others', raw: { ...VALID, repName: 'x'.repeat(81) }, expected: { ...VALID, repName: '' } },
    { name: 'numeric dealer name keeps the others', raw: { ...VALID, dealerName: 42 }, expected: { ...VALID, dealerName: '' } },
    { name: 'missing field keeps the others', raw: { repName: 'Mark', language: 'en' }, expected: { ...DEFAULT_SETTINGS, repName: 'Mark', language: 'en' } },
    { name: 'negative monthly target keeps the others', raw: { ...VALID, monthlyTarget: -1 }, expected: VALID },
    { name: 'fractional monthly target keeps the others', raw: { ...VALID, monthlyTarget: 2.5 }, expected: VALID },
    { name: 'valid monthly target', raw: { ...VALID, monthlyTarget: 12 }, expected: { ...VALID, monthlyTarget: 12 } },
    { name: 'quiet mode as a string keeps the others', raw: { ...VALID, quietMode: 'yes' }, expected: VALID },
    {
      name: 'inverted opening hours fall back to the default hours only',
      raw: { ...VALID, openingHours: { ...DEFAULT_SETTINGS.openingHours, week: { ...DEFAULT_SETTINGS.openingHours.week, 1: { open: '18:00', close: '09:00' } } } },
      expected: VALID,
    },
    { name: 'a bad field among bad fields', raw: { repName: null, language: 'en', dealerName: ['x'] }, expected: { ...DEFAULT_SETTINGS, language: 'en' } },
    { name: 'empty object', raw: {}, expected: DEFAULT_SETTINGS },
    { name: 'garbage string', raw: 'garbage', expected: DEFAULT_SETTINGS },
    { name: 'number', raw: 7, expected: DEFAULT_SETTINGS },
    { name: 'null', raw: null, expected: DEFAULT_SETTINGS },
    { name: 'undefined', raw: undefined, expected: DEFAULT_SETTINGS },
    { name: 'array', raw: ['Mark', 'nl'], expected: DEFAULT_SETTINGS },
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
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
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
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, repName: 'Mark' });
  });
});
