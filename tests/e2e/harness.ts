import { TZDate } from '@date-fns/tz';
import type { Page } from 'playwright-core';
import { businessDayAt, DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension as launch, removeProfile, startCrm, type ExtensionBrowser } from '@/scripts/lib/extension-browser';

export { contentScriptsRegistered, removeProfile, startCrm, type ExtensionBrowser } from '@/scripts/lib/extension-browser';

/** Tests always run headless, display or not. */
export const launchWithExtension = (profileDir?: string) => launch(profileDir, { headless: true });

export interface TestEnv {
  crm: Awaited<ReturnType<typeof startCrm>>;
  /** Reassignable: a test may restart the browser on the same profile. */
  browser: ExtensionBrowser;
}

/** One fake CRM and one browser with the extension for a test file, cleaned up after it. */
export function setupExtensionAndCrm(): TestEnv {
  const env = {} as TestEnv;
  beforeAll(async () => {
    env.crm = await startCrm();
    env.browser = await launchWithExtension();
  });
  afterAll(async () => {
    await env.browser?.close();
    if (env.browser) removeProfile(env.browser.profileDir);
    await env.crm?.close();
  });
  return env;
}

export const panel = (page: Page) => page.locator('leadpace-panel');
export const inPanel = (page: Page, testId: string) => page.locator(`leadpace-panel [data-testid="${testId}"]`);

export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** Logs one attempt through the panel the way a rep does: open, pick channel, click outcome. */
export async function logAttemptInPanel(page: Page, channel: string, outcome: string): Promise<void> {
  const before = Number(await inPanel(page, 'attempt-count').textContent());
  await inPanel(page, 'log-attempt').click();
  await inPanel(page, `channel-${channel}`).click();
  await inPanel(page, `outcome-${outcome}`).click();
  await page.waitForFunction(
    (n) => document.querySelector('leadpace-panel')?.shadowRoot?.querySelector('[data-testid="attempt-count"]')?.textContent === String(n),
    before + 1,
  );
}

/**
 * Whether the tab showing `url` is the active tab of a focused window, as the browser sees it
 * (page visibility alone is not reliable headless). Asked from the service worker, so no
 * probe tab steals the focus it is checking.
 */
export async function tabInFront(browser: ExtensionBrowser, url: string): Promise<boolean | null> {
  const worker = await browser.worker();
  return worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    if (!tab || tab.windowId === undefined) return null;
    const window = await chrome.windows.get(tab.windowId);
    return tab.active && window.focused;
  }, url);
}

const DAY = 86_400_000;

/**
 * 10:00 Amsterdam on the first business day at least two days from now. Tests that pin the
 * extension's clock use it rather than a fixed date: the CRM's go-live is the day the test
 * browser enabled it, so a lead "received" on a fixed past date would be install-day backlog.
 */
export function pinnedMorning(): number {
  for (let t = Date.now() + 2 * DAY; ; t += DAY) {
    const day = businessDayAt(t, DEFAULT_OPENING_HOURS);
    if (day.open !== null) return new TZDate(day.year, day.month - 1, day.day, 10, 0, DEFAULT_OPENING_HOURS.timeZone).getTime();
  }
}

/** 'YYYY-MM-DD' of an instant in Amsterdam, as the worker names its daily summary. */
export const amsterdamDate = (at: number): string => businessDayAt(at, DEFAULT_OPENING_HOURS).date;

/**
 * A lead the fake CRM received just now: after the CRM's go-live, so it is new work rather
 * than install-day backlog (most seeded leads are days old). Returns its id.
 */
export async function createFreshLead(crm: TestEnv['crm'], name: string, createdAt = Date.now()): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${crm.port}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, phone: '+31687654321', source: 'Website', vehicle: 'Peugeot 2008', createdAt: new Date(createdAt).toISOString() }),
  });
  return ((await res.json()) as { id: string }).id;
}
