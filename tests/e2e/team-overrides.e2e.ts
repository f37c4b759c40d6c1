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
import { garageLeadPage } from '@/tests/fixtures/unknown-crm/garage-crm';
import { USER_ADAPTER_KIND, type UserAdapter } from '@/lib/adapters/user/schema';
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

  it('a whole Add my CRM adapter the manager publishes works in a member’s browser once the member allows its site', async () => {
    const origin = 'http://garage-crm.localhost';
    const site = `${origin}/*`;
    const garage: UserAdapter = {
      kind: USER_ADAPTER_KIND,
      version: 1,
      id: 'user-garage-team',
      name: 'Garage CRM',
      origin,
      idFromUrl: { path: '/klant/{id}' },
      fields: { name: ['h2.klant-naam'] },
      createdAt: '2026-11-26T08:15:00.000Z',
    };
    // The manager's own adapter (as "Add my CRM" or an import leaves it), published from its row.
    const lotte = await connectViaOptions(token('lotte'));
    await lotte.options.evaluate((adapter) => chrome.storage.local.set({ userAdapters: [adapter] }), garage);
    await lotte.options.goto(`chrome-extension://${lotte.browser.extensionId}/options.html#crms`);
    await lotte.options.reload(); // only a hash change so far: Options reads its adapters on load
    const ownRow = lotte.options.locator(`[data-testid="user-adapter"][data-crm="${garage.id}"]`);
    await ownRow.getByRole('button', { name: 'Publish to the team' }).click();
    await expect.poll(() => ownRow.getByRole('status').textContent(), { timeout: SLOW_MACHINE_MS }).toMatch(/^Published as version 1/);
    expect((await readTeamOverrides(db, team.teamId)).userAdapters.map((entry) => [entry.id, entry.version, entry.adapter.origin])).toEqual([
      [garage.id, 1, origin],
    ]);

    // The member: the e2e build allows every test site at install, so Chrome's site access first
    // withholds them all; the member then allows the garage site there (the same permissions
    // event as Enable's prompt, which Playwright cannot answer).
    const anna = await connectViaOptions(token('anna'));
    const worker = await anna.browser.worker();
    const settings = await anna.browser.context.newPage();
    await settings.goto('chrome://extensions');
    const siteAccess = (change: { withholdAll: true } | { grant: string }) =>
      settings.evaluate(
        async ({ id, change }) => {
          const api = (
            chrome as unknown as {
              developerPrivate: {
                updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
                addHostPermission(extensionId: string, host: string): Promise<void>;
              };
            }
          ).developerPrivate;
          if ('grant' in change) await api.addHostPermission(id, change.grant);
          else await api.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' });
        },
        { id: anna.browser.extensionId, change },
      );
    await siteAccess({ withholdAll: true });
    await anna.options.getByTestId('team-sync-now').click();
    await anna.options.goto(`chrome-extension://${anna.browser.extensionId}/options.html#crms`);
    await anna.options.reload();
    const teamLine = anna.options.locator(`[data-testid="crm-row"][data-from="team"][data-crm="${garage.id}"] [data-testid="team-user-adapter"]`);
    await expect.poll(() => teamLine.getAttribute('data-state'), { timeout: SLOW_MACHINE_MS }).toBe('waiting');
    expect(await teamLine.textContent()).toMatch(/^Team adapter for http:\/\/garage-crm\.localhost v1 from Lotte de Vries/);

    await siteAccess({ grant: site });
    await expect
      .poll(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id)), { timeout: SLOW_MACHINE_MS })
      .toContain(`leadpace-crm-${garage.id}`);
    await anna.options.reload();
    await expect.poll(() => teamLine.getAttribute('data-state'), { timeout: SLOW_MACHINE_MS }).toBe('on');
    expect(await teamLine.textContent()).toContain('Version 1 in use.');

    await anna.browser.context.route(`${origin}/**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: garageLeadPage({ id: '4711', name: 'Sanne Bakker', created: '26-11-2026 09:15', source: 'AutoScout24', phone: '+31 6 12345678' }),
      }),
    );
    const lead = await anna.browser.context.newPage();
    lead.setDefaultTimeout(SLOW_MACHINE_MS);
    await lead.goto(`${origin}/klant/4711`);
    await expect.poll(() => inPanel(lead, 'lead-name').textContent(), { timeout: SLOW_MACHINE_MS }).toBe('Sanne Bakker');
    // The member's own list is untouched: the team's adapter is never written into it.
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('userAdapters')).userAdapters ?? [])).toEqual([]);
  }, 300_000);
});
