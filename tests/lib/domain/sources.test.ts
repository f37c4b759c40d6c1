import { DEFAULT_SOURCES } from '@/lib/domain/model';
import {
  DEFAULT_SOURCE_RULES,
  normaliseSource,
  sourceRulesSchema,
  type SourceRule,
} from '@/lib/domain/sources';

describe('normaliseSource', () => {
  it.each([
    ['Marktplaats', 'marktplaats'],
    ['MARKTPLAATS.NL', 'marktplaats'],
    ['Marktplaats website', 'marktplaats'],
    ['AutoTrack', 'autotrack'],
    ['autotrack.nl - offerte', 'autotrack'],
    ['AutoScout24', 'autoscout24'],
    ['AutoScout24 website', 'autoscout24'],
    ['Gaspedaal.nl', 'gaspedaal'],
    ['viaBOVAG', 'viabovag'],
    ['BOVAG occasions', 'viabovag'],
    ['AutoTrader', 'autotrader'],
    ['Cars.com', 'carscom'],
    ['CarGurus IMV', 'cargurus'],
    ['TrueCar', 'truecar'],
    ['Edmunds', 'edmunds'],
    ['Eigen website', 'website'],
    ['Website contactformulier', 'website'],
    ['Webshop', 'website'],
    ['Internet lead', 'website'],
    ['Volkswagen.nl (importeur)', 'importer'],
    ['Importer lead', 'importer'],
    ['Merksite Škoda', 'importer'],
    ['Brand website', 'importer'],
    ['OEM', 'importer'],
    ['Telefoon', 'phone'],
    ['Inbound phone call', 'phone'],
    ['Walk-in', 'walk-in'],
    ['Showroom bezoek', 'walk-in'],
    ['Binnenloop', 'walk-in'],
    ['Referral', 'referral'],
    ['Doorverwijzing', 'referral'],
    ['Aanbeveling van klant', 'referral'],
    ['  marktplaats  ', 'marktplaats'],
    ['Nieuwsbrief', 'other'],
    ['', 'other'],
    ['   ', 'other'],
    [undefined, 'other'],
  ])('%j → %s', (raw, expected) => {
    expect(normaliseSource(raw)).toBe(expected);
  });

  it('checks rules in order', () => {
    const rules: SourceRule[] = [
      { match: 'website', source: 'website' },
      { match: 'marktplaats', source: 'marktplaats' },
    ];
    expect(normaliseSource('Marktplaats website', rules)).toBe('website');
  });

  it('supports dealer rules with dealer-added ids', () => {
    const rules: SourceRule[] = [{ match: 'Facebook', source: 'facebook-ads' }, ...DEFAULT_SOURCE_RULES];
    expect(normaliseSource('facebook lead form', rules)).toBe('facebook-ads');
    expect(normaliseSource('Marktplaats', rules)).toBe('marktplaats');
  });

  it('skips rules that would produce an invalid source id or match everything', () => {
    const rules: SourceRule[] = [
      { match: 'x', source: 'Not A Slug' },
      { match: '  ', source: 'empty' },
      { match: 'x', source: 'ok' },
    ];
    expect(normaliseSource('xyz', rules)).toBe('ok');
    expect(normaliseSource('abc', rules)).toBe('other');
  });

  it('default rules only produce default source ids and pass the schema', () => {
    expect(sourceRulesSchema.parse(DEFAULT_SOURCE_RULES)).toEqual(DEFAULT_SOURCE_RULES);
    for (const rule of DEFAULT_SOURCE_RULES) {
      expect(DEFAULT_SOURCES).toContain(rule.source);
    }
  });

  it('the schema rejects bad rules', () => {
    expect(sourceRulesSchema.safeParse([{ match: '', source: 'website' }]).success).toBe(false);
    expect(sourceRulesSchema.safeParse([{ match: 'x', source: 'Web Site' }]).success).toBe(false);
    expect(sourceRulesSchema.safeParse([{ match: 'x' }]).success).toBe(false);
  });
});
