import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPanel, launchWithExtension, panel, removeProfile, startCrm, type ExtensionBrowser } from './harness';

// Two copies of the fake CRM. On `trusted`, the rep has ticked Chrome's "Always allow this site
// to open links of this type": Chrome hands the number to the phone app at once. On
// `firstTime` Chrome asks first, in its own tab-modal dialog, which Playwright cannot see or
// answer and which, once up (1–3 s after the click), swallows every further click on the tab.
let trusted: Awaited<ReturnType<typeof startCrm>>;
let firstTime: Awaited<ReturnType<typeof startCrm>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  trusted = await startCrm();
  firstTime = await startCrm();
  const profile = mkdtempSync(join(tmpdir(), 'leadpace-e2e-tel-'));
  mkdirSync(join(profile, 'Default'));
  // What Chrome stores when the rep ticks "Always allow" in its external-protocol dialog.
  const allowed = { tel: true, callto: true, sip: true };
  const preferences = { protocol_handler: { allowed_origin_protocol_pairs: { [new URL(trusted.url).origin]: allowed } } };
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  browser = await launchWithExtension(profile);
});
afterAll(async () => {
  await browser?.close();
  if (browser) removeProfile(browser.profileDir);
  await trusted?.close();
  await firstTime?.close();
});

interface PageRecord {
  /** Destinations the Navigation API announced with `navigate`. */
  navigations: string[];
  /** Page-lifecycle events, by name. */
  lifecycle: string[];
  /** Times a `<leadpace-panel>` left the document. */
  panelRemoved: number;
}

// Runs in the page's own world before its scripts: what the browser really does on a call click.
const RECORDER = `
  window.__telRecord = { navigations: [], lifecycle: [], panelRemoved: 0 };
  navigation.addEventListener('navigate', (event) => window.__telRecord.navigations.push(event.destination.url));
  for (const type of ['beforeunload', 'pagehide', 'unload']) window.addEventListener(type, () => window.__telRecord.lifecycle.push(type));
  document.addEventListener('visibilitychange', () => window.__telRecord.lifecycle.push('visibilitychange:' + document.visibilityState));
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.removedNodes) if (node.nodeName === 'LEADPACE-PANEL') window.__telRecord.panelRemoved += 1;
  }).observe(document.documentElement, { childList: true, subtree: true });
`;

// Writes to the extension's database can take over a second on a fresh profile and a busy machine.
const SOON = { timeout: 5_000 };

const record = (page: Page) => page.evaluate(() => (window as unknown as { __telRecord: PageRecord }).__telRecord);
const attemptCount = async (page: Page) => Number(await inPanel(page, 'attempt-count').textContent());
const leadIdOfPanel = (page: Page) => panel(page).getAttribute('data-lead-id');

async function openLead(site: { url: string }, id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript({ content: RECORDER });
  await page.goto(`${site.url}leads/${id}`);
  await expect.poll(() => leadIdOfPanel(page), SOON).toBe(id);
  await inPanel(page, 'attempt-count').waitFor();
  return page;
}

/**
 * Chrome's console line once it gave a call address to the system's handler: proof that the
 * call itself went through untouched. Start waiting before the click.
 */
const handedToPhoneApp = (page: Page, scheme: string) =>
  page.waitForEvent('console', { predicate: (message) => message.text().startsWith(`Launched external handler for '${scheme}:`), timeout: 10_000 });

/** After a call click: the same panel, on the same lead, asking only for the call's outcome. */
async function expectOutcomePicker(page: Page, leadId: string, leadUrl: string): Promise<void> {
  await inPanel(page, 'outcome-reached').waitFor();
  expect(await panel(page).count()).toBe(1);
  expect(await leadIdOfPanel(page)).toBe(leadId);
  expect(await inPanel(page, 'channel-call').count()).toBe(0); // the channel is known: a call
  expect(page.url()).toBe(leadUrl);
  expect((await record(page)).panelRemoved).toBe(0);
}

async function pickOutcome(page: Page, outcome: string): Promise<void> {
  const before = await attemptCount(page);
  await inPanel(page, `outcome-${outcome}`).click();
  await expect.poll(() => attemptCount(page), SOON).toBe(before + 1);
  await expect.poll(() => inPanel(page, 'outcome-reached').count(), SOON).toBe(0);
}

describe('calling from the lead page', () => {
  it('a real click on a tel: link keeps the panel and asks for the outcome', async () => {
    const page = await openLead(trusted, 'L-1042');
    const leadUrl = page.url();
    const pagesBefore = browser.context.pages().length;
    const link = page.locator('section.lead-detail a[href^="tel:"]');
    const href = await link.getAttribute('href');

    const launched = handedToPhoneApp(page, 'tel');
    await link.click();
    await expectOutcomePicker(page, 'L-1042', leadUrl);
    await launched;
    // Chrome announces the tel: destination as a navigation (why the panel used to vanish) and
    // fires beforeunload; then the tab stays on the lead, no other tab opens, nothing unloads.
    const seen = await record(page);
    expect(seen.navigations).toEqual([href]);
    expect(seen.lifecycle).toEqual(['beforeunload']);
    expect(browser.context.pages().length).toBe(pagesBefore);
    expect(page.url()).toBe(leadUrl);
    expect(seen.panelRemoved).toBe(0);

    await pickOutcome(page, 'no_answer');
    expect(await inPanel(page, 'attempt').count()).toBe(1);
    await page.close();
  });

  it('works the same for a sip: link and a CRM click-to-call button that opens callto:', async () => {
    const page = await openLead(trusted, 'L-1045');
    const leadUrl = page.url();
    // A softphone link as some CRMs render it, next to the CRM's own tel: link.
    await page.evaluate(() => {
      const sip = document.createElement('a');
      sip.href = 'sip:verkoop@garage.example';
      sip.textContent = 'Bel via softphone';
      sip.id = 'sip-call';
      document.querySelector('.lead-fields')?.after(sip);
    });
    const sipLaunched = handedToPhoneApp(page, 'sip');
    await page.locator('#sip-call').click();
    await expectOutcomePicker(page, 'L-1045', leadUrl);
    await sipLaunched;
    await pickOutcome(page, 'voicemail');

    // The CRM's own button: no link in the page, its script sends the tab to callto:.
    const calltoLaunched = handedToPhoneApp(page, 'callto');
    await page.locator('[data-action="click-to-call"]').click();
    await expectOutcomePicker(page, 'L-1045', leadUrl);
    await calltoLaunched;
    await pickOutcome(page, 'reached');
    const seen = await record(page);
    expect(seen.navigations).toEqual(['sip:verkoop@garage.example', expect.stringMatching(/^callto:\+\d+$/)]);
    expect(seen.panelRemoved).toBe(0);
    expect(await attemptCount(page)).toBe(2);
    await page.close();
  });

  it('still follows a real move to another lead after a call', async () => {
    const page = await openLead(trusted, 'L-1043');
    const launched = handedToPhoneApp(page, 'tel');
    await page.locator('section.lead-detail a[href^="tel:"]').click();
    await expectOutcomePicker(page, 'L-1043', page.url());
    await launched;
    await pickOutcome(page, 'reached');

    // The CRM's "next lead" link: a pushState route change, no reload. The panel sits over the
    // pager, so the rep collapses it first.
    await inPanel(page, 'panel-collapse').click();
    await page.locator('a[data-nav="next"]').click();
    await expect.poll(() => page.url()).toContain('/leads/L-1044');
    await expect.poll(() => leadIdOfPanel(page), SOON).toBe('L-1044');
    await expect.poll(() => attemptCount(page), SOON).toBe(0);
    await inPanel(page, 'panel-expand').click();
    const name = (await page.locator('.lead-title').textContent())?.trim();
    await expect.poll(() => inPanel(page, 'lead-name').textContent(), SOON).toBe(name);

    // Back on the lead that was called, the call is there.
    await page.goBack();
    await expect.poll(() => leadIdOfPanel(page), SOON).toBe('L-1043');
    await expect.poll(() => attemptCount(page), SOON).toBe(1);

    // After all that moving around a call still works, and opens the collapsed panel to ask.
    await inPanel(page, 'panel-collapse').click();
    await page.locator('a[data-nav="next"]').click();
    await expect.poll(() => leadIdOfPanel(page), SOON).toBe('L-1044');
    expect(await inPanel(page, 'panel-expand').count()).toBe(1);
    const again = handedToPhoneApp(page, 'tel');
    await page.locator('section.lead-detail a[href^="tel:"]').click();
    await expectOutcomePicker(page, 'L-1044', page.url());
    await again;
    await pickOutcome(page, 'appointment');
    expect(await attemptCount(page)).toBe(1);
    expect((await record(page)).panelRemoved).toBe(0);
    await page.close();
  });

  it('keeps the panel and the outcome picker while Chrome asks whether to open the phone app', async () => {
    const page = await openLead(firstTime, 'L-1048');
    const leadUrl = page.url();
    let launched = false;
    page.on('console', (message) => {
      if (message.text().startsWith('Launched external handler')) launched = true;
    });
    await page.locator('section.lead-detail a[href^="tel:"]').click();
    await expectOutcomePicker(page, 'L-1048', leadUrl);
    // Long enough for Chrome's question to come up and for any late page change to happen.
    await page.waitForTimeout(3_000);
    expect(launched).toBe(false); // Chrome is waiting for the rep's answer
    expect((await record(page)).panelRemoved).toBe(0);
    expect(await panel(page).count()).toBe(1);
    expect(await inPanel(page, 'outcome-no_answer').isVisible()).toBe(true);
    expect(page.url()).toBe(leadUrl);
    await page.close();
  });
});
