import { describe, expect, it } from 'vitest';
import { isMessageKey, resolveLang, translator, type Lang, type MessageKey } from '@/lib/i18n';

interface MessageModule {
  en: Record<string, string>;
  nl: Record<string, string>;
}

// Every message module in lib/i18n/messages (each exports one `{ en, nl }` table), so a new
// module is checked too. Loading them all registers them all, as if one bundle showed every screen.
const loaded = import.meta.glob<Record<string, MessageModule>>('@/lib/i18n/messages/*.ts', { eager: true });
const MODULES: Record<string, MessageModule> = Object.fromEntries(
  Object.entries(loaded).flatMap(([path, exports]) => Object.entries(exports).map(([name, table]) => [`${path}#${name}`, table])),
);
const TABLES: Record<Lang, Record<string, string>> = {
  en: Object.assign({}, ...Object.values(MODULES).map((m) => m.en)) as Record<string, string>,
  nl: Object.assign({}, ...Object.values(MODULES).map((m) => m.nl)) as Record<string, string>,
};

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('resolveLang', () => {
  it.each<{ setting: 'auto' | Lang; browser: string | undefined; expected: Lang }>([
    { setting: 'auto', browser: 'nl-NL', expected: 'nl' },
    { setting: 'auto', browser: 'nl-BE', expected: 'nl' },
    { setting: 'auto', browser: 'nl', expected: 'nl' },
    { setting: 'auto', browser: 'NL-nl', expected: 'nl' },
    { setting: 'auto', browser: 'en-US', expected: 'en' },
    { setting: 'auto', browser: 'en-GB', expected: 'en' },
    { setting: 'auto', browser: 'de', expected: 'en' },
    { setting: 'auto', browser: 'de-DE', expected: 'en' },
    { setting: 'auto', browser: 'fr-BE', expected: 'en' },
    { setting: 'auto', browser: '', expected: 'en' },
    { setting: 'auto', browser: undefined, expected: 'en' },
    { setting: 'nl', browser: 'en-US', expected: 'nl' },
    { setting: 'nl', browser: undefined, expected: 'nl' },
    { setting: 'en', browser: 'nl-NL', expected: 'en' },
    { setting: 'en', browser: undefined, expected: 'en' },
  ])('$setting with $browser → $expected', ({ setting, browser, expected }) => {
    expect(resolveLang(setting, browser)).toBe(expected);
  });
});

describe('translator', () => {
  it.each<{ lang: Lang; key: MessageKey; params?: Record<string, string | number>; expected: string }>([
    { lang: 'en', key: 'status.lost', expected: 'Lost' },
    { lang: 'nl', key: 'common.cancel', expected: 'Annuleren' },
    { lang: 'en', key: 'popup.openCount', params: { count: 3 }, expected: '3 open' },
    { lang: 'en', key: 'popup.openCount', params: { count: 0 }, expected: '0 open' },
    { lang: 'en', key: 'error.invalid', params: { reason: 'leadId: too long' }, expected: 'Leadpace refused this request: leadId: too long' },
    { lang: 'nl', key: 'error.invalid', params: { reason: 'x' }, expected: 'Leadpace heeft dit verzoek geweigerd: x' },
    {
      lang: 'en',
      key: 'options.tooLong',
      params: { field: 'Your name', max: 80, count: 81 },
      expected: 'Your name can be at most 80 characters (now 81).',
    },
    { lang: 'en', key: 'options.tooLong', params: { field: 'Name' }, expected: 'Name can be at most {max} characters (now {count}).' },
    { lang: 'en', key: 'error.invalid', expected: 'Leadpace refused this request: {reason}' },
    { lang: 'en', key: 'error.invalid', params: {}, expected: 'Leadpace refused this request: {reason}' },
    { lang: 'en', key: 'error.invalid', params: { reason: '{reason} $& $1' }, expected: 'Leadpace refused this request: {reason} $& $1' },
    { lang: 'en', key: 'error.invalid', params: { toString: 'x' }, expected: 'Leadpace refused this request: {reason}' },
  ])('$lang $key', ({ lang, key, params, expected }) => {
    expect(translator(lang)(key, params)).toBe(expected);
  });

  it('does not take params from the prototype', () => {
    const params: Record<string, string> = Object.create({ reason: 'inherited' }) as Record<string, string>;
    expect(translator('en')('error.invalid', params)).toBe('Leadpace refused this request: {reason}');
  });
});

describe('isMessageKey', () => {
  it.each([
    { key: 'status.lost', expected: true },
    { key: 'source.marktplaats', expected: true },
    { key: 'source.my-own-source', expected: false },
    { key: 'toString', expected: false },
    { key: '__proto__', expected: false },
    { key: '', expected: false },
  ])('$key → $expected', ({ key, expected }) => {
    expect(isMessageKey(key)).toBe(expected);
  });
});

describe('message tables', () => {
  const keys = Object.keys(TABLES.en);

  it('found the message modules', () => {
    expect(Object.keys(MODULES).length).toBeGreaterThanOrEqual(4);
    for (const module of Object.values(MODULES)) {
      expect(typeof module.en).toBe('object');
      expect(typeof module.nl).toBe('object');
    }
  });

  it('nl and en have exactly the same keys', () => {
    expect(Object.keys(TABLES.nl).sort()).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(50);
  });

  it('no key is defined in two message modules', () => {
    const seen = new Map<string, string>();
    for (const [moduleName, module] of Object.entries(MODULES)) {
      for (const key of Object.keys(module.en)) {
        expect(seen.get(key), `${key} in ${moduleName}`).toBeUndefined();
        seen.set(key, moduleName);
      }
    }
  });

  it('every module has the same keys in nl and en', () => {
    for (const module of Object.values(MODULES)) {
      expect(Object.keys(module.nl).sort()).toEqual(Object.keys(module.en).sort());
    }
  });

  it.each(keys)('%s: non-empty in both languages, with the same {placeholders}', (key) => {
    const en = TABLES.en[key] ?? '';
    const nl = TABLES.nl[key] ?? '';
    expect(en.trim()).not.toBe('');
    expect(nl.trim()).not.toBe('');
    expect(placeholders(nl)).toEqual(placeholders(en));
    // Registered by loading its module: the translator serves these very strings.
    expect(isMessageKey(key)).toBe(true);
    if (isMessageKey(key)) {
      expect(translator('en')(key)).toBe(en);
      expect(translator('nl')(key)).toBe(nl);
    }
  });
});
