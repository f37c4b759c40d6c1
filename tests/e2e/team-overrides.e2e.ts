import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import { openDb, type Db } from '@/server/db/connect';
import { readTeamOverrides } from '@/server/sql/adapter-overrides';
import { GENEROUS_LIMIT, seedTeam, type TeamFixture } from '@/tests/server/harness';
import { inPanel, launchWithExtension, removeProfile, startCrm, type ExtensionBrowser } from './harness';

// A team fix end to end: the manager repairs the demo CRM's lead source in Options and
// publishes it through the real team server; a rep's browser (another profile) picks it up on
// sync, the panel reads the source where the fix points, and once the rep turns the fix off
// the built-in reading is back.

/** In the demo CRM's lead page, a hidden drawer row of another lead: "L-1044 · AutoScout24". */
const FIXED_SOURCE = '[data-drawer-lead="L-1044"] small';
/** Two browsers and a server on a shared machine: waits get room, the test still fails on a miss. */
const SLOW_MACHINE_MS = 45_000;

let dataDir: string;
let db: Db;
let http: ServerType;
let serverUrl: string;
let team: TeamFixture;
let crm: Awaited<ReturnType<typeof startCrm>>;
const browsers: ExtensionBrowser[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'leadpace-team-overrides-e2e-'));
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
  crm = await startCrm();
});

afterAll(async () => {
  for (const b of browsers) {
    await b.close().catch(() => undefined);
    removeProfile(b.profileDir);
  }
  await crm?.close();
  await new Promise((r) => http?.close(r));
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function token(key: string): string {
  const member = team.members[key];
  if (!member) throw new Error(`no member ${key}`);
  return member.token;
}

async function connectViaOptions(secret: string): Promise<{ browser: ExtensionBrowser; options: Page }> {
  const browser = await launchWithExtension();
  browsers.push(browser);
  const options = await browser.context.newPage();
  options.setDefaultTimeout(SLOW_MACHINE_MS);
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#team`);
  await options.getByTestId('team-server-url').fill(serverUrl);
  await options.getByTestId('team-secret').fill(`${secret}#${team.teamKey}`);
  await options.getByTestId('team-connect').click();
  await options.getByTestId('team-connected').waitFor();
  return { browser, options };
}

const demoRow = (page: Page) => page.locator('[data-testid="crm-row"][data-crm="demo"]');

async function panelSource(page: Page): Promise<string | null> {
  await inPanel(page, 'lead-source').waitFor();
  return inPanel(page, 'lead-source').getAttribute('data-source');
}

describe('team CRM fixes end to end', () => {
  it('a fix the manager publishes changes what a rep’s panel reads, until the rep turns it off', async () => {
    // The manager publishes from Options → CRMs (a PUT the browser preflights: CORS and all).
    const lotte = await connectViaOptions(token('lotte'));
    await lotte.options.goto(`chrome-extension://${lotte.browser.extensionId}/options.html#crms`);
    await demoRow(lotte.options).getByRole('button', { name: 'Fix this CRM for the team…' }).click();
    await demoRow(lotte.options).getByLabel('Lead source').fill(FIXED_SOURCE);
    await demoRow(lotte.options).getByRole('button', { name: 'Publish to the team' }).click();
    await expect
      .poll(() => demoRow(lotte.options).getByRole('status').textContent(), { timeout: SLOW_MACHINE_MS })
      .toBe('Published as version 1: every member gets it on their next sync.');
    const stored = await readTeamOverrides(db, team.teamId);
    expect(stored.overrides.map((o) => [o.crm, o.version, o.updatedBy, o.override.fields])).toEqual([
      ['demo', 1, 'Lotte de Vries', { source: [FIXED_SOURCE] }],
    ]);

    // The rep's browser: another profile, connected to the same team, syncs.
    const anna = await connectViaOptions(token('anna'));
    await anna.options.getByTestId('team-sync-now').click();
    await anna.options.goto(`chrome-extension://${anna.browser.extensionId}/options.html#crms`);
    await expect
      .poll(() => demoRow(anna.options).getByTestId('team-fix-status').textContent(), { timeout: SLOW_MACHINE_MS })
      .toMatch(/^Team fix v1 \(from Lotte de Vries, .+\) in use\.$/);

    const lead = await anna.browser.context.newPage();
    lead.setDefaultTimeout(SLOW_MACHINE_MS);
    await lead.goto(`${crm.url}leads/L-1042`);
    expect(await panelSource(lead)).toBe('autoscout24');

    // Turned off: the built-in reading ("Bron: Marktplaats") is used again.
    await demoRow(anna.options).getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => demoRow(anna.options).getByTestId('crm-team-fix').getAttribute('data-state'), { timeout: SLOW_MACHINE_MS }).toBe('off');
    await lead.reload();
    await expect.poll(() => panelSource(lead), { timeout: SLOW_MACHINE_MS }).toBe('marktplaats');
  }, 300_000);
});
