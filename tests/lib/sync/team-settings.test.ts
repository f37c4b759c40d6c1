import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAM_SETTINGS_VALUES, keepUnsentValues, teamSettingsValuesSchema, teamValues, withTeamSettings } from '@/lib/sync/team-settings';
import { teamSpendLookup, teamSpendSchema } from '@/lib/domain/team-spend';

const spend = { currency: 'EUR' as const, bySource: { website: { '2026-03': 1200 } } };
const rules = [{ match: 'Verkocht', status: 'sold' as const }];

describe('team spend and status rules in the team settings', () => {
  it('are optional: settings without them still parse, and keep parsing with them', () => {
    expect(teamSettingsValuesSchema.safeParse(DEFAULT_TEAM_SETTINGS_VALUES).success).toBe(true);
    const parsed = teamSettingsValuesSchema.parse({ ...DEFAULT_TEAM_SETTINGS_VALUES, spend, statusRules: rules });
    expect(parsed.spend).toEqual(spend);
    expect(parsed.statusRules).toEqual(rules);
  });

  it.each([
    ['a month that is no month', { currency: 'EUR', bySource: { website: { '2026-13': 1 } } }],
    ['a negative amount', { currency: 'EUR', bySource: { website: { '2026-03': -1 } } }],
    ['an unknown currency', { currency: 'GBP', bySource: {} }],
    ['a source that is no slug', { currency: 'EUR', bySource: { 'Web Site': { '2026-03': 1 } } }],
  ])('refuses %s', (_, value) => {
    expect(teamSpendSchema.safeParse(value).success).toBe(false);
  });

  it.each([
    ['a change without them keeps the current ones', { ...DEFAULT_TEAM_SETTINGS_VALUES, monthlyTarget: 9 }, { spend, statusRules: rules }],
    ['a change with new spend replaces it', { ...DEFAULT_TEAM_SETTINGS_VALUES, spend: { currency: 'USD' as const, bySource: {} } }, { spend: { currency: 'USD', bySource: {} }, statusRules: rules }],
  ])('%s', (_, change, expected) => {
    const current = { ...DEFAULT_TEAM_SETTINGS_VALUES, spend, statusRules: rules };
    const saved = keepUnsentValues(change, current);
    expect(saved.spend).toEqual(expected.spend);
    expect(saved.statusRules).toEqual(expected.statusRules);
    expect(saved.monthlyTarget).toBe(change.monthlyTarget);
  });

  it('stay out of the rep’s local settings and out of a team that never set them', () => {
    const local = { ...DEFAULT_TEAM_SETTINGS_VALUES, repName: 'Anna' };
    const merged = withTeamSettings(local, { ...DEFAULT_TEAM_SETTINGS_VALUES, spend, statusRules: rules });
    expect(merged).not.toHaveProperty('spend');
    expect(merged).not.toHaveProperty('statusRules');
    expect(teamValues(DEFAULT_TEAM_SETTINGS_VALUES)).not.toHaveProperty('spend');
  });

  it('looks spend up per source and month, unknown where nothing was entered', () => {
    const lookup = teamSpendLookup(spend);
    expect(lookup('website', '2026-03')).toBe(1200);
    expect(lookup('website', '2026-04')).toBeNull();
    expect(lookup('autoscout', '2026-03')).toBeNull();
  });
});
