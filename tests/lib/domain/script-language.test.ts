import { describe, expect, it } from 'vitest';
import { scriptLanguageFor } from '@/lib/domain/script-language';
import { scriptForLead } from '@/lib/domain/scripts';

describe('scriptLanguageFor: the lead decides, not only the UI', () => {
  it.each([
    // Dutch portals: Dutch buyers, also in an English browser.
    ['marktplaats', null, 'en', 'nl'],
    ['autotrack', null, 'en', 'nl'],
    ['gaspedaal', null, 'en', 'nl'],
    ['viabovag', null, 'en', 'nl'],
    // US portals: English buyers, also in a Dutch UI.
    ['autotrader', null, 'nl', 'en'],
    ['carscom', null, 'nl', 'en'],
    ['cargurus', null, 'nl', 'en'],
    ['truecar', null, 'nl', 'en'],
    ['edmunds', null, 'nl', 'en'],
    // AutoScout24 is European: no country, the UI language.
    ['autoscout24', null, 'nl', 'nl'],
    ['autoscout24', null, 'en', 'en'],
    // Sources without a country follow the UI.
    ['website', null, 'nl', 'nl'],
    ['walk-in', null, 'en', 'en'],
    ['unknown', null, 'en', 'en'],
    ['toString', null, 'nl', 'nl'],
    // The rep's choice for this lead wins over everything.
    ['marktplaats', 'en', 'nl', 'en'],
    ['autotrader', 'nl', 'en', 'nl'],
    ['website', 'en', 'nl', 'en'],
  ] as const)('%s, chosen %s, UI %s → %s', (source, chosen, ui, expected) => {
    expect(scriptLanguageFor({ source, chosen }, ui)).toBe(expected);
  });

  it('a Marktplaats lead in an English browser gets the Dutch script', () => {
    const lang = scriptLanguageFor({ source: 'marktplaats', chosen: null }, 'en');
    expect(scriptForLead([], { lang, source: 'marktplaats', attemptCount: 0 }).script.lang).toBe('nl');
  });
});
