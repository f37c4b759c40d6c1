import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { teamSettingsSchema, type TeamSettingsUpdate } from '@/lib/sync/team-settings';
import { readTeamSettings, teamSettingsHistory } from '@/server/sql/team-settings';
import { seedTeam, type TeamFixture } from '@/tests/server/harness';
import { browserProfiles, connectInOptions, invitationSecret, memberToken, startTeamServer, type TeamServer } from './team-server';

// The team's manager sets the settings, a rep's browser takes them on connecting and on every
// sync, shows them read-only with who set them, and the manager's own Options page saves
// through the real server (CORS and all, as a browser sends it).

const MINUTE = 60_000;

let server: TeamServer;
let team: TeamFixture;
const profiles = browserProfiles();

beforeAll(async () => {
  server = await startTeamServer('team-settings');
  team = await seedTeam(server.db, {
    name: 'Autohuis Noord',
    visibility: 'named',
    members: [
      { key: 'anna', name: 'Anna de Boer', role: 'rep' },
      { key: 'lotte', name: 'Lotte de Vries', role: 'manager' },
    ],
  });
});

afterAll(async () => {
  await profiles.closeAll();
  await server?.close();
});

/** The manager's change as the API takes it (what the CLI or another browser would send). */
async function putAsManager(update: TeamSettingsUpdate): Promise<number> {
  const res = await fetch(`${server.url}/v1/team/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${memberToken(team, 'lotte')}`, 'content-type': 'application/json' },
    body: JSON.stringify(update),
  });
  return teamSettingsSchema.parse(await res.json()).version;
}

const connectAs = async (key: string): Promise<Page> => connectInOptions(await profiles.launch(), invitationSecret(team, key), server.url);

const sla = (page: Page) => page.getByLabel('First attempt within (minutes)');

describe('team settings end to end', () => {
  it('a rep takes the manager’s settings on connecting, read-only, and follows a new version on sync', async () => {
    const version = await putAsManager({
      openingHours: DEFAULT_OPENING_HOURS,
      cadence: { ...DEFAULT_CADENCE_SETTINGS, firstAttemptSlaMs: 15 * MINUTE, closeAfterAttempts: 3 },
      monthlyTarget: 12,
      conversionFloor: 0.15,
      baseVersion: 1,
    });
    expect(version).toBe(2);

    const anna = await connectAs('anna');
    const notice = anna.getByTestId('team-settings-notice');
    await expect.poll(() => notice.getAttribute('data-mode')).toBe('rep');
    expect(await notice.textContent()).toContain('Set by Lotte de Vries for team Autohuis Noord (version 2,');
    await expect.poll(() => sla(anna).inputValue()).toBe('15');
    expect(await sla(anna).isDisabled()).toBe(true);
    expect(await anna.getByTestId('floor-input').inputValue()).toBe('15');
    expect(await anna.getByRole('button', { name: 'Save cadence and targets', includeHidden: true }).isDisabled()).toBe(true);
    expect(await anna.getByTestId('quiet-switch').isDisabled()).toBe(false);

    await putAsManager({
      openingHours: DEFAULT_OPENING_HOURS,
      cadence: { ...DEFAULT_CADENCE_SETTINGS, firstAttemptSlaMs: 10 * MINUTE, closeAfterAttempts: 3 },
      monthlyTarget: 20,
      conversionFloor: 0.15,
      baseVersion: 2,
    });
    await anna.getByTestId('team-sync-now').click();
    await expect.poll(() => notice.getAttribute('data-version')).toBe('3');
    await expect.poll(() => sla(anna).inputValue()).toBe('10');
  });

  // The browser preflights this PUT: it passes only when the server's CORS (server/http/cors.ts)
  // allows the PUT method.
  it('the manager saves in Options; the server has the new version and the history says who', async () => {
    const lotte = await connectAs('lotte');
    await expect.poll(() => lotte.getByTestId('team-settings-notice').getAttribute('data-mode')).toBe('manager');
    await expect.poll(() => sla(lotte).inputValue()).toBe('10');
    // Options are tabs: the cadence form is on its own.
    await lotte.getByRole('tab', { name: 'Cadence' }).click();
    await sla(lotte).fill('20');
    await lotte.getByRole('button', { name: 'Save cadence and targets' }).click();
    await lotte
      .getByTestId('cadence-saved')
      .waitFor()
      .catch(async (error: unknown) => {
        // Say what the form said, not only that "saved" never came.
        throw new Error(`not saved: ${(await lotte.getByTestId('cadence-form').getByRole('status').textContent()) ?? ''}`, { cause: error });
      });
    const stored = await readTeamSettings(server.db, team.teamId);
    expect(stored).toMatchObject({ version: 4, updatedBy: 'Lotte de Vries' });
    expect(stored?.cadence.firstAttemptSlaMs).toBe(20 * MINUTE);
    expect(stored?.cadence.closeAfterAttempts).toBe(3);
    await expect.poll(() => lotte.getByTestId('team-settings-notice').getAttribute('data-version')).toBe('4');
    const history = await teamSettingsHistory(server.db, team.teamId);
    expect(history?.map((v) => [v.version, v.updatedBy, v.memberId])).toEqual([
      [4, 'Lotte de Vries', team.members.lotte?.memberId],
      [3, 'Lotte de Vries', team.members.lotte?.memberId],
      [2, 'Lotte de Vries', team.members.lotte?.memberId],
      [1, '', null],
    ]);
  });
});
