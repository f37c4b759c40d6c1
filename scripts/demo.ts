// `npm run demo`: builds the extension, serves the fake dealer CRM, starts Chromium with
// Leadpace loaded (a window when a display exists, headless otherwise) and walks a real
// scenario, printing each step and saving screenshots. Exits 0 only when every step worked.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, removeProfile, startCrm, type ExtensionBrowser } from './lib/extension-browser';

const outDir = resolve('demo-output', new Date().toISOString().replace(/[:.]/g, '-'));
let browser: ExtensionBrowser | undefined;
let crm: Awaited<ReturnType<typeof startCrm>> | undefined;
let stepNo = 0;

async function cleanUp(): Promise<void> {
  await browser?.close().catch(() => undefined);
  if (browser) removeProfile(browser.profileDir);
  await crm?.close().catch(() => undefined);
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
  browser = await step(`Start Chromium with Leadpace (${process.env.DISPLAY ? 'window' : 'headless: no display'})`, () =>
    launchWithExtension(),
  );
  const context = browser.context;
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

  console.log(`\nDemo finished: every step worked. Screenshots: ${outDir}`);
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
