import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPanel, logAttemptInPanel, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

const DAY = 86_400_000;
/** 'YYYY-MM-DD' in the dealer's zone (the default, Amsterdam). */
const amsDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(ms);

async function newCrmLead(fields: { name: string; source: string; createdAt?: string; status?: string }): Promise<string> {
  // Node does not resolve *.localhost; the fake CRM listens on 127.0.0.1.
  const api = new URL('api/leads', env.crm.url);
  api.hostname = '127.0.0.1';
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '+31 6 12345678', ...fields }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string };
  return body.id;
}

async function openLead(id: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.crm.url}leads/${id}`);
  await inPanel(page, 'attempt-count').waitFor();
  return page;
}

async function closeAsLost(page: Page, reason: string): Promise<void> {
  await inPanel(page, 'lead-status').selectOption('lost');
  await inPanel(page, 'lost-reason').selectOption(reason);
  await inPanel(page, 'confirm-lost').click();
  await expect.poll(() => inPanel(page, 'lead-status').inputValue()).toBe('lost');
}

const attrs = (page: Page, selector: string, names: string[]) =>
  page.locator(selector).evaluate((el, list) => Object.fromEntries(list.map((n) => [n, el.getAttribute(`data-${n}`)])), names);

describe('source report', () => {
  it('shows conversion by source split by properly worked, from the panel and the CRM status', async () => {
    // Nothing in this run is backlog: the CRM went live long before these leads.
    const setup = await env.browser.context.newPage();
    await setup.goto(`chrome-extension://${env.browser.extensionId}/report.html`);
    await setup.evaluate(() => chrome.storage.local.set({ crmGoLive: { demo: 0 } }));
    await setup.close();

    const now = Date.now();
    // Website: one called at once and sold in the panel (properly worked), one first called days
    // later and closed as unreachable after one attempt (closed too early).
    const fast = await newCrmLead({ name: 'Eva Snel', source: 'Eigen website' });
    const slow = await newCrmLead({ name: 'Piet Traag', source: 'Eigen website', createdAt: new Date(now - 3 * DAY).toISOString() });
    // Marktplaats: one sold in the CRM itself, never worked in the panel; one duplicate.
    const crmSold = await newCrmLead({ name: 'Sanne Dealer', source: 'Marktplaats', createdAt: new Date(now - 2 * DAY).toISOString(), status: 'Verkocht' });
    const duplicate = await newCrmLead({ name: 'Eva Snel', source: 'Marktplaats' });

    const a = await openLead(fast);
    await logAttemptInPanel(a, 'call', 'reached');
    await inPanel(a, 'lead-status').selectOption('sold');
    await expect.poll(() => inPanel(a, 'lead-status').inputValue()).toBe('sold');
    const b = await openLead(slow);
    await logAttemptInPanel(b, 'call', 'no_answer');
    await closeAsLost(b, 'unreachable');
    const c = await openLead(crmSold);
    await expect.poll(() => inPanel(c, 'lead-status').inputValue()).toBe('sold');
    const d = await openLead(duplicate);
    await closeAsLost(d, 'duplicate');

    const from = amsDate(now - 10 * DAY);
    const to = amsDate(now);
    const report = await env.browser.context.newPage();
    await report.setViewportSize({ width: 1280, height: 900 });
    await report.goto(`chrome-extension://${env.browser.extensionId}/report.html?from=${from}&to=${to}`);
    const names = ['leads', 'excluded', 'contacted', 'sold', 'worked-leads', 'worked-sold', 'unworked-leads', 'unworked-sold', 'verdict', 'spend', 'cost-per-lead', 'cost-per-sale'];
    await report.locator('[data-testid=source-row][data-source=website]').waitFor();
    expect(await attrs(report, '[data-testid=source-row][data-source=website]', names)).toEqual({
      leads: '2',
      excluded: '0',
      contacted: '1',
      sold: '1',
      'worked-leads': '1',
      'worked-sold': '1',
      'unworked-leads': '1',
      'unworked-sold': '0',
      verdict: 'unsure',
      spend: '',
      'cost-per-lead': '',
      'cost-per-sale': '',
    });
    expect(await attrs(report, '[data-testid=source-row][data-source=marktplaats]', ['leads', 'excluded', 'sold', 'worked-leads', 'unworked-sold'])).toEqual({
      leads: '1',
      excluded: '1',
      sold: '1',
      'worked-leads': '0',
      'unworked-sold': '1',
    });
    const total = await attrs(report, '[data-testid=source-total]', ['leads', 'sold', 'conversion', 'conversion-low', 'conversion-high']);
    expect([total.leads, total.sold, Number(total.conversion)]).toEqual(['3', '2', 2 / 3]);
    expect(Number(total['conversion-low'])).toBeCloseTo(0.2077, 3);
    expect(Number(total['conversion-high'])).toBeCloseTo(0.9385, 3);
    expect(await report.locator('[data-testid=closed-too-early-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lead-id')))).toEqual([slow]);
    expect(await report.getByTestId('sales-by').textContent()).toContain('1 by a rep in the panel, 1 from the CRM page, 0 imported');
    expect(await report.getByTestId('report-basis').textContent()).toMatch(/still open\.$/);

    // A period button re-reads the cohort and writes the period into the address.
    await report.getByTestId('period-last-12-months').click();
    await expect.poll(() => report.url()).toMatch(/\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => report.locator('[data-testid=source-total]').getAttribute('data-leads')).toBe('3');

    mkdirSync('tests/screenshots', { recursive: true });
    await report.goto(`chrome-extension://${env.browser.extensionId}/report.html?from=${from}&to=${to}`);
    await report.locator('[data-testid=source-row][data-source=website]').waitFor();
    await report.screenshot({ path: 'tests/screenshots/report-en.png', fullPage: true });
    for (const page of [a, b, c, d]) await page.close();
    await report.close();
  });

  it('renders in Dutch', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    // The language setting as Options saves it: read, change one field, write back.
    await page.evaluate(async () => {
      const stored = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(stored.settings ?? {}), language: 'nl' } });
    });
    const now = Date.now();
    await page.goto(`chrome-extension://${env.browser.extensionId}/report.html?from=${amsDate(now - 10 * DAY)}&to=${amsDate(now)}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('[data-testid=source-row][data-source=website]').waitFor();
    await expect.poll(() => page.getByTestId('export-csv').textContent()).toBe('CSV exporteren');
    expect(await page.getByTestId('report-basis').textContent()).toMatch(/^Leads ontvangen .*nog open\.$/);
    await page.screenshot({ path: 'tests/screenshots/report-nl.png', fullPage: true });
    await page.close();
  });
});
