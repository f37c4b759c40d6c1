import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { amsterdamDate, inPanel, setupExtensionAndCrm } from './harness';

// Sold deals from a CRM/DMS export, imported on the report page: a good file marks its leads
// sold by the import, a file with a bad line imports nothing until that line is left out, and
// the same file twice changes nothing.

const env = setupExtensionAndCrm();
const DAY = 86_400_000;

interface StoredEvent {
  leadKey: string;
  type: string;
  status?: string;
  actor?: string;
}

async function newCrmLead(name: string, source: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${env.crm.port}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, phone: '+31 6 12345678', source, createdAt: new Date(Date.now() - 2 * DAY).toISOString() }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Opens the lead so the extension knows it, then closes the tab. */
async function seeLead(id: string): Promise<void> {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.crm.url}leads/${id}`);
  await inPanel(page, 'attempt-count').waitFor();
  await page.close();
}

async function soldEvents(page: Page): Promise<StoredEvent[]> {
  const all = await page.evaluate(async () => {
    const request = indexedDB.open('leadpace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<StoredEvent[]>((resolve, reject) => {
      const read = db.transaction('events').objectStore('events').getAll();
      read.onsuccess = () => resolve(read.result as StoredEvent[]);
      read.onerror = () => reject(read.error);
    });
    db.close();
    return rows;
  });
  return all.filter((e) => e.type === 'status_changed' && e.status === 'sold');
}

const sold = (page: Page, source: string) => page.locator(`[data-testid=source-row][data-source=${source}]`).getAttribute('data-sold');

async function pickFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('import-col-recordId').waitFor();
}

const counts = (page: Page) =>
  page.getByTestId('import-counts').evaluate((el) => ({
    sell: el.getAttribute('data-sell'),
    already: el.getAttribute('data-already-sold'),
    unknown: el.getAttribute('data-unknown'),
    bad: el.getAttribute('data-bad'),
  }));

describe('importing sold deals', () => {
  it('a good file, the same file again, and a file with bad lines', async () => {
    const report = await env.browser.context.newPage();
    await report.goto(`chrome-extension://${env.browser.extensionId}/report.html`);
    // Nothing here is backlog: the CRM went live long before these leads.
    await report.evaluate(() => chrome.storage.local.set({ crmGoLive: { demo: 0 } }));

    const marktplaats = await newCrmLead('Anouk Import', 'Marktplaats');
    const website = await newCrmLead('Bram Import', 'Eigen website');
    const later = await newCrmLead('Cor Import', 'Marktplaats');
    for (const id of [marktplaats, website, later]) await seeLead(id);

    const now = Date.now();
    const yesterday = amsterdamDate(now - DAY);
    const [y, m, d] = yesterday.split('-');
    await report.goto(`chrome-extension://${env.browser.extensionId}/report.html?from=${amsterdamDate(now - 10 * DAY)}&to=${amsterdamDate(now)}`);
    await report.locator('[data-testid=source-row][data-source=marktplaats]').waitFor();
    expect(await sold(report, 'marktplaats')).toBe('0');
    expect(await sold(report, 'website')).toBe('0');
    const before = (await soldEvents(report)).length;

    // A DMS export: ';' separated, Dutch dates, one deal of a lead this browser never saw.
    const good = `Dossiernummer;Klant;Verkoopdatum\n${marktplaats};Anouk;${d}-${m}-${y}\n${website};Bram;${d}-${m}-${y}\n999999;Onbekend;${d}-${m}-${y}\n`;
    await pickFile(report, 'verkocht.csv', good);
    // 'Dossiernummer' is no column name Leadpace guesses: the dealer maps it.
    expect(await report.getByText('Pick the record id and sold date columns.').isVisible()).toBe(true);
    await report.getByTestId('import-col-recordId').selectOption('0');
    expect(await counts(report)).toEqual({ sell: '2', already: '0', unknown: '1', bad: '0' });
    expect(await report.locator('[data-testid=import-preview] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-line'), r.getAttribute('data-action')]))).toEqual([
      ['2', 'sell'],
      ['3', 'sell'],
      ['4', 'unknown'],
    ]);
    await report.getByTestId('import-run').click();
    await expect.poll(() => report.getByTestId('import-result').textContent()).toBe('Imported: 2 leads marked sold, 0 already sold.');
    // The report reads again: each source's sale, and where it came from.
    await expect.poll(() => sold(report, 'marktplaats')).toBe('1');
    expect(await sold(report, 'website')).toBe('1');
    await expect.poll(() => report.getByTestId('sales-by').textContent()).toContain('0 by a rep in the panel, 0 from the CRM page, 2 imported');
    const imported = (await soldEvents(report)).slice(before);
    expect(imported.map((e) => [e.leadKey, e.actor]).sort()).toEqual(
      [
        [`demo:${marktplaats}`, 'import'],
        [`demo:${website}`, 'import'],
      ].sort(),
    );

    // The same file again: both already sold, nothing to import, nothing written.
    await pickFile(report, 'verkocht.csv', good);
    await report.getByTestId('import-col-recordId').selectOption('0');
    expect(await counts(report)).toEqual({ sell: '0', already: '2', unknown: '1', bad: '0' });
    expect(await report.getByTestId('import-run').isDisabled()).toBe(true);
    expect((await soldEvents(report)).length).toBe(before + 2);

    // Bad lines (a date that does not exist, a missing record id) block the whole file.
    const bad = `Record id;Sold date\n${later};${d}-${m}-${y}\n${website};31-02-${y}\n;${d}-${m}-${y}\n`;
    await pickFile(report, 'bad.csv', bad);
    expect(await counts(report)).toEqual({ sell: '1', already: '0', unknown: '0', bad: '2' });
    expect((await report.getByTestId('import-bad').locator('li').allTextContents()).map((text) => text.trim())).toEqual([
      'leave out — Line 3: the sold date is not a date',
      'leave out — Line 4: no record id',
    ]);
    expect(await report.getByTestId('import-run').isDisabled()).toBe(true);
    expect(await report.getByRole('alert').textContent()).toBe('Nothing is imported while a bad line is included.');
    await report.getByTestId('import-skip-3').check();
    expect(await report.getByTestId('import-run').isDisabled()).toBe(true);
    expect((await soldEvents(report)).length).toBe(before + 2);
    await report.getByTestId('import-skip-4').check();
    await report.getByTestId('import-run').click();
    await expect.poll(() => report.getByTestId('import-result').textContent()).toBe('Imported: 1 leads marked sold, 0 already sold.');
    await expect.poll(() => sold(report, 'marktplaats')).toBe('2');
    expect((await soldEvents(report)).slice(before + 2).map((e) => [e.leadKey, e.actor])).toEqual([[`demo:${later}`, 'import']]);
    await report.close();
  });
});
