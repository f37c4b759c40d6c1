import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { teamSettingsSchema, type TeamSettingsUpdate } from '@/lib/sync/team-settings';
import { createApp } from '@/server/app';
import { openDb, type Db } from '@/server/db/connect';
import { readTeamSettings, teamSettingsHistory } from '@/server/sql/team-settings';
import { GENEROUS_LIMIT, seedTeam, type TeamFixture } from '@/tests/server/harness';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './harness';

// The team's manager sets the settings, a rep's browser takes them on connecting and on every
// sync, shows them read-only with who set them, and the manager's own Options page saves
// through the real server (CORS and all, as a browser sends it).

const MINUTE = 60_000;

let dataDir: string;
let db: Db;
let http: ServerType;
let serverUrl: string;
let team: TeamFixture;
const browsers: ExtensionBrowser[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'leadpace-team-settings-e2e-'));
  db = await openDb({ engine: 'sqlite', file: join(dataDir, 'leadpace.db') });
  const app = createApp({ db, rateLimit: GENEROUS_LIMIT });
  http = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  serverUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  team = await seedTeam(db, {
    name: 'Autohuis Noord',
    visibility: 'named',
    members: [
      { key: 'anna', name: 'Anna de Boer', role: 'rep' },
      { key: 'lotte', name: 'Lotte de Vries', role: 'manager' },
    ],
  });
});

afterAll(async () => {
  for (const b of browsers) {
    await b.close().catch(() => undefined);
    removeProfile(b.profileDir);
  }
  await new Promise((r) => http?.close(r));
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function token(key: string): string {
  const member = team.members[key];
  if (!member) throw new Error(`no member ${key}`);
  return member.token;
}

/** The manager's change as the API takes it (what the CLI or another browser would send). */
async function putAsManager(update: TeamSettingsUpdate): Promise<number> {
  const res = await fetch(`${serverUrl}/v1/team/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token('lotte')}`, 'content-type': 'application/json' },
    body: JSON.stringify(update),
  });
  return teamSettingsSchema.parse(await res.json()).version;
}

async function connectViaOptions(secret: string): Promise<Page> {
  const b = await launchWithExtension();
  browsers.push(b);
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html#team`);
  await page.getByTestId('team-server-url').fill(serverUrl);
  // The invitation carries the team key after #; the server never sees it.
  await page.getByTestId('team-secret').fill(`${secret}#${team.teamKey}`);
  await page.getByTestId('team-connect').click();
  await page.getByTestId('team-connected').waitFor();
  return page;
}

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

    const anna = await connectViaOptions(token('anna'));
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
    const lotte = await connectViaOptions(token('lotte'));
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
    const stored = await readTeamSettings(db, team.teamId);
    expect(stored).toMatchObject({ version: 4, updatedBy: 'Lotte de Vries' });
    expect(stored?.cadence.firstAttemptSlaMs).toBe(20 * MINUTE);
    expect(stored?.cadence.closeAfterAttempts).toBe(3);
    await expect.poll(() => lotte.getByTestId('team-settings-notice').getAttribute('data-version')).toBe('4');
    const history = await teamSettingsHistory(db, team.teamId);
    expect(history?.map((v) => [v.version, v.updatedBy, v.memberId])).toEqual([
      [4, 'Lotte de Vries', team.members.lotte?.memberId],
      [3, 'Lotte de Vries', team.members.lotte?.memberId],
      [2, 'Lotte de Vries', team.members.lotte?.memberId],
      [1, '', null],
    ]);
  });
});
