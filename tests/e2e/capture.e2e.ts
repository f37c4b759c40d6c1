import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { capturePage } from '@/lib/capture/capture';
import { inPanel, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

/** The browser's id for the tab showing `page`, asked from the service worker. */
async function tabIdOf(page: Page): Promise<number> {
  const worker = await env.browser.worker();
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? -1, page.url());
  expect(id).toBeGreaterThan(0);
  return id;
}

/**
 * The popup page in a tab, pointed at `tabId` (the e2e build's `?tab=`: Playwright cannot click
 * the toolbar button that would make that tab the active one).
 */
async function openPopupFor(tabId: number): Promise<Page> {
  const popup = await env.browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 900 });
  await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/**
 * What Chrome answers when the extension scripts a tab showing `url`, or "ran". The tab is
 * opened by the worker: without the `tabs` permission it could not find it by URL.
 */
async function scriptingError(url: string): Promise<string> {
  const worker = await env.browser.worker();
  return worker.evaluate(async (target) => {
    const tab = await chrome.tabs.create({ url: target, active: false });
    const id = tab.id ?? -1;
    try {
      for (let i = 0; i < 50 && (await chrome.tabs.get(id)).status !== 'complete'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await chrome.scripting.executeScript({ target: { tabId: id }, func: () => document.title });
      return 'ran';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await chrome.tabs.remove(id).catch(() => undefined);
    }
  }, url);
}

describe('capture this page', () => {
  it('saves the lead page structure from the popup, with the customer scrubbed out', async () => {
    const lead = await env.browser.context.newPage();
    await lead.goto(`${env.crm.url}leads/L-1042`);
    await inPanel(lead, 'attempt-count').waitFor();
    await lead.fill('#lead-notes', 'Belt terug na 17:00, vrouw heet Marieke');
    // What real CRMs add and the demo CRM lacks: an open shadow root and two frames, one from
    // this origin (read) and one from another (only noted).
    const otherOrigin = `http://127.0.0.1:${env.crm.port}/`;
    await lead.evaluate((other) => {
      const host = document.createElement('span');
      host.id = 'call-widget';
      const caller = document.createElement('b');
      caller.className = 'sr-caller';
      caller.textContent = 'Sanne de Vries';
      const call = document.createElement('a');
      call.href = 'tel:+31612345678';
      call.textContent = 'Bel';
      host.attachShadow({ mode: 'open' }).append(caller, call);
      const same = document.createElement('iframe');
      same.id = 'history-frame';
      same.srcdoc = '<ul class="history"><li class="history-item">Sanne de Vries belde om 14:05</li></ul>';
      const cross = document.createElement('iframe');
      cross.id = 'ad-frame';
      cross.src = other;
      document.querySelector('section.lead-detail')?.append(host, same, cross);
    }, otherOrigin);
    await lead.waitForFunction(() => (document.getElementById('history-frame') as HTMLIFrameElement | null)?.contentDocument?.querySelector('.history-item') !== null);

    const popup = await openPopupFor(await tabIdOf(lead));
    const button = popup.locator('[data-testid="capture-button"]');
    await button.waitFor();
    const [download] = await Promise.all([popup.waitForEvent('download'), button.click()]);
    const day = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(download.suggestedFilename()).toBe(`leadpace-capture-leadpace-demo.localhost-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.html`);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    const html = text.slice(text.indexOf('-->') + 3);

    // Structure: the demo CRM's ids, classes, hooks and labels.
    for (const part of [
      '<main id="app" class="content"',
      '<section class="lead-detail" data-record-id="L-0000">',
      '<h1 class="lead-title">Xxxxx xx Xxxxx</h1>',
      '<dl class="lead-fields"><dt>Bron</dt>',
      '<dt>Telefoon</dt><dd><a href="tel:000">',
      '<a href="mailto:x@x">x@x</a>',
      '<select name="status"',
      '<textarea id="lead-notes" name="notes" rows="0" placeholder=""></textarea>',
      '<span id="call-widget"><template shadowrootmode="open"><b class="sr-caller">Xxxxx xx Xxxxx</b><a href="tel:000">',
      '<template data-leadpace-frame="about:srcdoc"><html><head></head><body><ul class="history"><li class="history-item">',
      `<template data-leadpace-frame="http://000.0.0.0:${String(env.crm.port).replace(/\d/g, '0')}/" data-leadpace-cross-origin=""></template>`,
    ]) {
      expect(html).toContain(part);
    }
    // No customer: name, phone, e-mail, note, source, record id; not even Leadpace's own panel.
    for (const secret of ['Sanne', 'Vries', 'sanne.devries', 'example.com', '612345678', '12 34 56 78', 'Marieke', 'Belt terug', 'Marktplaats', 'L-1042', 'Golf', 'leadpace-panel']) {
      expect(html, secret).not.toContain(secret);
    }
    const digits = html.replace(/<\/?h[1-6]\b/g, '').replace(/charset="utf-8"/g, '').replace(/%[0-9A-F]{2}/g, '');
    expect(digits.match(/[1-9]+/g)).toBeNull();
    expect(text).toContain('Page: http://leadpace-demo.localhost:');
    expect(text).toMatch(/\/leads\/L-0000/);

    const done = popup.locator('[data-testid="capture-done"]');
    expect(await done.textContent()).toMatch(/Saved leadpace-capture-leadpace-demo\.localhost-.*\(\d+ page elements\)/);
    expect(await done.textContent()).toContain('Frames from another site could not be read: 1.');
    await popup.screenshot({ path: '/tmp/capture-popup.png', fullPage: true });
    await popup.close();
    await lead.close();
  });

  it('calls pages the browser will not let it read "blocked", as Chrome words it', async () => {
    // A browser page, and a site this build has no access to (no activeTab grant either).
    for (const url of ['chrome://version/', `http://127.0.0.1:${env.crm.port}/leads/L-1042`]) {
      const message = await scriptingError(url);
      expect(message, url).not.toBe('ran');
      const outcome = await capturePage(() => Promise.reject(new Error(message)), 1);
      expect(outcome, message).toMatchObject({ ok: false, reason: 'blocked' });
    }
  });
});
