import { describe, expect, it } from 'vitest';
import { ownAdapterInstead, withTeamUserAdapters } from '@/lib/adapters/user/team-merge';
import type { TeamUserAdapter } from '@/lib/sync/adapter-overrides';
import { garageAdapter } from '@/tests/fixtures/user-adapter';

const published = (overrides: Parameters<typeof garageAdapter>[0] = {}, version = 1): TeamUserAdapter => {
  const adapter = garageAdapter(overrides);
  return { id: adapter.id, version, adapter, updatedAt: 1, updatedBy: 'Lotte' };
};

describe('withTeamUserAdapters', () => {
  const own = garageAdapter({ id: 'user-own', origin: 'https://crm.own.nl', name: 'Own CRM' });
  it.each([
    ['no own adapters: the team’s are read', [], [published()], ['user-crm-garage-nl']],
    ['an own adapter for another site: both', [own], [published()], ['user-own', 'user-crm-garage-nl']],
    ['the same id: the own one only', [garageAdapter({ name: 'Mine' })], [published()], ['user-crm-garage-nl']],
    ['the same site under another id: the own one only', [garageAdapter({ id: 'user-mine' })], [published()], ['user-mine']],
    ['the same host on another port: the own one only', [garageAdapter({ id: 'user-mine', origin: 'https://crm.garage.nl:8443' })], [published()], ['user-mine']],
    ['two published for one site: the first only', [], [published(), published({ id: 'user-second' })], ['user-crm-garage-nl']],
  ])('%s', (_, mine, team, ids) => {
    expect(withTeamUserAdapters(mine, team).map((def) => def.id)).toEqual(ids);
  });

  it('never changes the own adapter it keeps', () => {
    const mine = garageAdapter({ name: 'Mine', fields: { name: ['h2.mine'] } });
    const [kept] = withTeamUserAdapters([mine], [published({ name: 'Team' })]);
    expect(kept).toBe(mine);
    expect(ownAdapterInstead(published(), [mine])).toBe(mine);
    expect(ownAdapterInstead(published(), [own])).toBeUndefined();
  });
});
