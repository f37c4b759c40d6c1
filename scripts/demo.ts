// `npm run demo`: builds the extension, serves the fake dealer CRM, starts Chromium with
// Leadpace loaded (a window when a display exists, headless otherwise) and walks a real
// scenario, printing each step and saving screenshots. Exits 0 only when every step worked.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp } from '../server/app';
import { openDb, type Db } from '../server/db/connect';
import { legacyKeyFingerprint } from '../server/db/migrations-006-client-team-key';
import { addMember, createTeam } from '../server/sql/tenancy';
import { garageLeadPage } from '../tests/fixtures/unknown-crm/garage-crm';
import { launchWithExtension, removeProfile, startCrm, type ExtensionBrowser } from './lib/extension-browser';

const outDir = resolve('demo-output', new Date().toISOString().replace(/[:.]/g, '-'));
let browser: ExtensionBrowser | undefined;
let crm: Awaited<ReturnType<typeof startCrm>> | undefined;
let stepNo = 0;
let teamServer: { http: ServerType; db: Db; dir: string; url: string } | undefined;

async function cleanUp(): Promise<void> {
  await browser?.close().catch(() => undefined);
  if (browser) removeProfile(browser.profileDir);
  await crm?.close().catch(() => undefined);
  if (teamServer) {
    const { http, db, dir } = teamServer;
    await new Promise((r) => http.close(r));
    await db.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The team server on a free loopback port, SQLite in a temp folder, with one team and rep. */
async function startTeamServer(): Promise<{ url: string; token: string; teamName: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'leadpace-demo-server-'));
  const db = await openDb({ engine: 'sqlite', file: join(dir, 'leadpace.db') });
  const http = await new Promise<ServerType>((ready) => {
    const server = serve({ fetch: createApp({ db }).fetch, port: 0, hostname: '127.0.0.1' }, () => ready(server));
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  teamServer = { http, db, dir, url };
  const teamName = 'AutoHuis Demo';
  // The team key is the browsers'; the demo rep connects with it after #, as an invitation carries it.
  const teamKey = randomBytes(32).toString('base64url');
  const team = await createTeam(db, { name: teamName, visibility: 'named', keyFingerprint: legacyKeyFingerprint(teamKey) });
  const rep = await addMember(db, { teamId: team.teamId, name: 'Demi de Verkoper', role: 'rep' });
  return { url, token: `${rep.token}#${teamKey}`, teamName };
}

// Ctrl-C must leave no Chromium or server behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the demo…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function step<T>(title: string, run: () => Promise<T>): Promise<T> {
  stepNo += 1;
  process.stdout.write(`${String(stepNo).padStart(2)}. ${title} … `);
  const started = Date.now();
  const result = await run();
  console.log(`ok (${Date.now() - started} ms)`);
  return result;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-${name}.png`) });
}

const inPanel = (page: Page, testId: string) => page.locator(`leadpace-panel [data-testid="${testId}"]`);

async function logAttempt(page: Page, channel: string, outcome: string, expected: number): Promise<void> {
  await inPanel(page, 'log-attempt').click();
  await inPanel(page, `channel-${channel}`).click();
  await inPanel(page, `outcome-${outcome}`).click();
  await page.waitForFunction(
    (n) => document.querySelector('leadpace-panel')?.shadowRoot?.querySelector('[data-testid="attempt-count"]')?.textContent === String(n),
    expected,
  );
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  console.log(`Leadpace demo — screenshots go to ${outDir}\n`);

  await step('Build the extension (test build: the fake CRM is granted at install)', async () => {
    const result = spawnSync('node', ['scripts/build-e2e.mjs'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`build failed:\n${result.stderr || result.stdout}`);
  });
  crm = await step('Serve the fake dealer CRM (AutoHuis Demo CRM)', () => startCrm());
  console.log(`    CRM at ${crm.url}`);
  const server = await step('Start the team server (SQLite in a temp folder) with a team and one rep', () => startTeamServer());
  console.log(`    team server at ${server.url}`);
  browser = await step(`Start Chromium with Leadpace (${process.env.DISPLAY ? 'window' : 'headless: no display'})`, () =>
    launchWithExtension(),
  );
  const context = browser.context;
  const options = await step('Connect Leadpace to the team (Settings → Team, token)', async () => {
    const optionsPage = await context.newPage();
    await optionsPage.goto(`chrome-extension://${browser?.extensionId}/options.html#team`);
    await optionsPage.getByTestId('team-server-url').fill(server.url);
    await optionsPage.getByTestId('team-secret').fill(server.token);
    await optionsPage.getByTestId('team-connect').click();
    await optionsPage.getByTestId('team-connected').waitFor();
    const name = await optionsPage.getByTestId('team-name').textContent();
    if (!name?.includes(server.teamName)) throw new Error(`options show "${name}"`);
    await optionsPage.getByTestId('team-section').scrollIntoViewIfNeeded();
    await optionsPage.getByTestId('team-section').screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-options-team.png`) });
    return optionsPage;
  });
  const page = await context.newPage();

  await step('Open the CRM inbox', async () => {
    await page.goto(`${crm?.url}leads`);
    await page.locator('tr[data-lead-id]').first().waitFor();
    await shot(page, 'inbox');
  });

  const lead = await step('A new Marktplaats lead comes in', async () => {
    // Node does not resolve *.localhost names: talk to the CRM API on the loopback address.
    const response = await fetch(`http://127.0.0.1:${crm?.port}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Daan Verhoeven',
        phone: '+31612398765',
        email: 'daan.verhoeven@example.com',
        source: 'Marktplaats',
        vehicle: 'Volkswagen T-Roc 1.5 TSI Sport (2021, 39.000 km)',
      }),
    });
    if (!response.ok) throw new Error(`CRM refused the lead: ${response.status}`);
    const created = (await response.json()) as { id: string };
    await page.locator(`tr[data-lead-id="${created.id}"]`).waitFor({ timeout: 10_000 });
    await shot(page, 'new-lead-in-inbox');
    return created;
  });

  await step('Leadpace registered it from the inbox before anyone opened it (popup → My leads)', async () => {
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`chrome-extension://${browser?.extensionId}/popup.html`);
    const row = popup.locator(`[data-testid="lead-row"][data-lead-key="demo:${lead.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await popup.screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-popup-discovered.png`) });
    await popup.close();
  });

  await step(`The rep opens lead ${lead.id}; the Leadpace panel shows its clock`, async () => {
    await page.locator(`tr[data-lead-id="${lead.id}"] a`).first().click();
    await inPanel(page, 'attempt-count').waitFor({ timeout: 5_000 });
    const name = await inPanel(page, 'lead-name').textContent();
    if (name !== 'Daan Verhoeven') throw new Error(`panel shows "${name}"`);
    const source = await page.locator('leadpace-panel').getAttribute('data-source');
    if (source !== 'marktplaats') throw new Error(`source read as "${source}"`);
    await page.waitForTimeout(300);
    await shot(page, 'panel-new-lead');
  });

  await step('Attempt 1: call, no answer (one click)', async () => {
    await logAttempt(page, 'call', 'no_answer', 1);
    await shot(page, 'attempt-1');
  });
  await step('Attempt 2: WhatsApp, reached', async () => {
    await logAttempt(page, 'whatsapp', 'reached', 2);
    await shot(page, 'attempt-2');
  });
  await step('Set the status to appointment', async () => {
    await inPanel(page, 'lead-status').selectOption('appointment');
    await page.waitForFunction(
      () =>
        (document.querySelector('leadpace-panel')?.shadowRoot?.querySelector('[data-testid="lead-status"]') as HTMLSelectElement | null)
          ?.value === 'appointment',
    );
    await shot(page, 'appointment');
  });

  await step('Open the popup: the lead is listed with 2 attempts', async () => {
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`chrome-extension://${browser?.extensionId}/popup.html`);
    const row = popup.locator(`[data-testid="lead-row"][data-lead-key="demo:${lead.id}"]`);
    await row.waitFor();
    const attempts = await row.locator('[data-testid="row-attempts"]').getAttribute('data-count');
    if (attempts !== '2') throw new Error(`popup shows ${attempts} attempts`);
    await popup.screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-popup.png`) });
  });

  await step('Sync now (Settings → Team): the events reach the team server, pseudonymously', async () => {
    await options.bringToFront();
    await options.getByTestId('team-sync-now').click();
    const notice = await options.getByTestId('team-notice').textContent();
    if (!notice?.startsWith('Synced') && !notice?.startsWith('Gesynchroniseerd')) throw new Error(`sync says "${notice}"`);
    await options.waitForFunction(() => document.querySelector('[data-testid="team-pending"]')?.getAttribute('data-count') === '0');
    await options.getByTestId('team-section').screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-options-team-synced.png`) });
  });

  await step('Popup → Team: the leaderboard shows the rep with the inbox leads and 2 attempts', async () => {
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 1100 });
    await popup.goto(`chrome-extension://${browser?.extensionId}/popup.html`);
    await popup.getByTestId('team-period-today').click();
    const me = popup.locator('[data-testid="team-leaderboard"] [data-testid="team-row"][data-me="true"]');
    await popup.waitForFunction(
      () => document.querySelector('[data-testid="team-row"][data-me="true"]')?.getAttribute('data-attempts') === '2',
    );
    const leads = await me.getAttribute('data-leads');
    // Every lead the inbox showed counts (discovered from the list), the opened one included.
    if (!(Number(leads) >= 1)) throw new Error(`leaderboard shows ${leads} leads`);
    await popup.getByTestId('team').scrollIntoViewIfNeeded();
    await popup.screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-popup-team.png`), fullPage: true });
    await popup.getByTestId('team').screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-popup-team-section.png`) });
  });

  await step('Report (report.html): conversion by source, split by properly worked, with the basis of the cohort', async () => {
    const report = await context.newPage();
    await report.setViewportSize({ width: 1280, height: 900 });
    await report.goto(`chrome-extension://${browser?.extensionId}/report.html`);
    const total = report.getByTestId('source-total');
    await total.waitFor();
    const leads = await total.getAttribute('data-leads');
    const worked = await total.getAttribute('data-worked-leads');
    if (!(Number(leads) >= 1)) throw new Error(`report shows ${leads} leads`);
    await report.screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-report.png`), fullPage: true });
    return `${leads} leads in this month's cohort, ${worked} properly worked`;
  });

  await importSoldDeals(context);

  await addMyCrm(context);

  console.log(`\nDemo finished: every step worked. Screenshots: ${outDir}`);
}

/**
 * Sold deals from the dealer's DMS: a walk-in lead nobody worked in the panel arrives, then the
 * export (tests/fixtures/sold-deals/demo-dms.csv: the demo's two fresh leads, L-1050 worked in
 * the panel and L-1051 never, and one record this browser does not know) is imported on the
 * report page. Its `{today}` becomes the run's date and time, so the sales are never in the future.
 */
async function importSoldDeals(context: BrowserContext): Promise<void> {
  await step('A website lead nobody works in the panel (L-1051) reaches the CRM', async () => {
    const response = await fetch(`http://127.0.0.1:${crm?.port}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Femke Jansen', phone: '+31612311223', source: 'Eigen website', vehicle: 'Kia Niro EV (2022)' }),
    });
    const created = (await response.json()) as { id?: string };
    if (created.id !== 'L-1051') throw new Error(`the CRM gave id ${created.id ?? '?'}, the fixture expects L-1051`);
    const page = await context.newPage();
    await page.goto(`${crm?.url}leads/${created.id}`);
    await inPanel(page, 'attempt-count').waitFor();
    await page.close();
  });
  const split = await step('Report → Import sold deals: the DMS export, its dry run, then the split properly worked vs not', async () => {
    // Sold now, to the second and read before the page opens: a date alone counts at noon (still
    // ahead in a morning run), a sale must not come before its lead (received moments ago), and
    // the page refuses a time after its own clock.
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(Date.now());
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    const today = `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}:${part('second')}`;
    const report = await context.newPage();
    await report.setViewportSize({ width: 1280, height: 800 });
    await report.goto(`chrome-extension://${browser?.extensionId}/report.html`);
    await report.getByTestId('source-total').waitFor();
    const csv = readFileSync(resolve('tests/fixtures/sold-deals/demo-dms.csv'), 'utf8').replaceAll('{today}', today);
    await report.getByTestId('import-file').setInputFiles({ name: 'demo-dms.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const counts = report.getByTestId('import-counts');
    await counts.waitFor();
    const [sell, unknown, bad] = await Promise.all(['data-sell', 'data-unknown', 'data-bad'].map((a) => counts.getAttribute(a)));
    if (sell !== '2' || unknown !== '1' || bad !== '0') throw new Error(`dry run: ${sell} to sell, ${unknown} unknown, ${bad} bad (expected 2, 1, 0)`);
    await report.getByTestId('sold-import').scrollIntoViewIfNeeded();
    await shot(report, 'report-import-dry-run');
    await report.getByTestId('import-run').click();
    const result = await report.getByTestId('import-result').textContent();
    if (!result?.startsWith('Imported: 2 leads') && !result?.startsWith('Geïmporteerd: 2 leads')) throw new Error(`import: ${result ?? ''}`);
    const total = report.getByTestId('source-total');
    await report.waitForFunction(() => Number(document.querySelector('[data-testid=source-total]')?.getAttribute('data-sold')) >= 2);
    const [workedLeads, workedSold, unworkedLeads, unworkedSold] = await Promise.all(
      ['data-worked-leads', 'data-worked-sold', 'data-unworked-leads', 'data-unworked-sold'].map((a) => total.getAttribute(a)),
    );
    const salesBy = (await report.getByTestId('sales-by').textContent()) ?? '';
    if (!salesBy.includes('2 imported') && !salesBy.includes('2 geïmporteerd')) throw new Error(`sales by source of record: ${salesBy}`);
    await report.evaluate(() => window.scrollTo(0, 0));
    await report.screenshot({ path: join(outDir, `${String(stepNo).padStart(2, '0')}-report-after-import.png`), fullPage: true });
    return `properly worked ${workedSold} of ${workedLeads} sold, not properly worked ${unworkedSold} of ${unworkedLeads} sold; ${salesBy}`;
  });
  console.log(`    ${split}`);
}

/**
 * "Add my CRM" on a CRM Leadpace has no adapter for (a small garage CRM, served by Playwright at
 * http://garage-crm.localhost, which the test build grants at install): pick the fields, save,
 * and the panel appears there.
 */
async function addMyCrm(context: BrowserContext): Promise<void> {
  const picker = (page: Page, testId: string) => page.locator(`leadpace-picker [data-testid="${testId}"]`);
  await context.route('http://garage-crm.localhost/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: garageLeadPage({ id: '4711', name: 'Sanne Bakker', created: '26-11-2026 09:15', source: 'AutoScout24', phone: '+31 6 12345678' }),
    }),
  );
  const page = await context.newPage();
  await step('Open a lead in a CRM Leadpace does not know (Garage CRM): no panel yet', async () => {
    await page.goto('http://garage-crm.localhost/klant/4711');
    await page.locator('.klant-naam').waitFor();
  });
  await step('Popup → "Add my CRM…" opens the point-and-click picker on that page', async () => {
    const worker = await browser?.worker();
    const tabId = await worker?.evaluate(async () => (await chrome.tabs.query({ url: 'http://garage-crm.localhost/*' }))[0]?.id ?? -1);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${browser?.extensionId}/popup.html?tab=${tabId ?? -1}`);
    await popup.getByTestId('add-crm-button').click();
    await picker(page, 'picker-name').waitFor();
    await popup.close().catch(() => undefined);
  });
  await step('Pick the lead name, created time, source (in a frame) and phone (in a shadow root); id from the URL', async () => {
    const pick = async (field: string, target: ReturnType<Page['locator']>) => {
      await picker(page, `pick-${field}`).click();
      await target.click();
      await picker(page, `candidate-${field}-0`).waitFor();
    };
    await pick('name', page.locator('.klant-naam'));
    await pick('receivedAt', page.locator('td[data-field="aangemaakt"]'));
    await pick('source', page.frameLocator('iframe.herkomst').locator('span.bron'));
    await pick('phone', page.locator('contact-card a.nummer'));
    await picker(page, 'id-from-url').check();
    await page.waitForFunction(
      () => document.querySelector('leadpace-picker')?.shadowRoot?.querySelector('[data-testid="test-name"]')?.textContent === 'Sanne Bakker',
    );
    await shot(page, 'add-my-crm-picker');
  });
  await step('Save: the Leadpace panel appears on the Garage CRM lead without a reload', async () => {
    await picker(page, 'picker-save').click();
    await picker(page, 'picker-status').waitFor();
    await picker(page, 'picker-close').click();
    await inPanel(page, 'lead-name').waitFor({ timeout: 10_000 });
    const name = await inPanel(page, 'lead-name').textContent();
    if (name !== 'Sanne Bakker') throw new Error(`panel shows "${name}"`);
    await shot(page, 'add-my-crm-panel');
  });
}

main()
  .then(async () => {
    await cleanUp();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.log('FAILED');
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
