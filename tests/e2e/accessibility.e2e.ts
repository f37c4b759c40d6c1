import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPanel, openPopup, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

interface Finding {
  rule: string;
  impact: string;
  targets: string[];
}

/**
 * Serious and critical axe violations, optionally only those inside `within` (a host element
 * whose shadow root axe walks too): the fake CRM's own markup is not ours to judge.
 */
async function seriousViolations(page: Page, within?: string): Promise<Finding[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  // Scoped to the shadow host (axe walks into open shadow roots): much faster on a busy page.
  if (within) builder.include(within);
  const results = await builder.analyze();
  const findings: Finding[] = [];
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    const nodes = violation.nodes.filter((node) => {
      const first = node.target[0];
      const head = Array.isArray(first) ? first[0] : first;
      return within === undefined || head === within;
    });
    if (nodes.length > 0) findings.push({ rule: violation.id, impact: violation.impact, targets: nodes.map((n) => JSON.stringify(n.target)) });
  }
  return findings;
}

/** The smallest computed font size of any element that draws text of its own. */
async function smallestText(page: Page, shadowHost?: string): Promise<{ px: number; text: string }> {
  return page.evaluate((host) => {
    const root: ParentNode | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
    let smallest = { px: Number.POSITIVE_INFINITY, text: '' };
    for (const element of Array.from(root?.querySelectorAll('*') ?? [])) {
      if (element.closest('[hidden]') || element instanceof HTMLStyleElement) continue;
      const ownText = Array.from(element.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      const style = getComputedStyle(element);
      const drawn = ownText !== '' && style.display !== 'none' && style.visibility !== 'hidden' && element.getClientRects().length > 0;
      // Visually hidden labels (1 px boxes for screen readers) draw nothing.
      const rect = element.getBoundingClientRect();
      if (!drawn || rect.width <= 1 || rect.height <= 1) continue;
      const px = Number.parseFloat(style.fontSize);
      if (px < smallest.px) smallest = { px, text: ownText.slice(0, 40) };
    }
    return smallest;
  }, shadowHost);
}

/**
 * The lowest contrast between the border of `selector`'s elements and the panel behind them:
 * axe does not check non-text contrast (a cadence dot, a field's edge), so it is measured here.
 */
async function lowestBorderContrast(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const behind = (element: Element): string => {
      for (let e = element.parentElement; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const root = document.querySelector('leadpace-panel')?.shadowRoot;
    let lowest = Number.POSITIVE_INFINITY;
    for (const element of Array.from(root?.querySelectorAll(sel) ?? [])) {
      const a = luminance(getComputedStyle(element).borderTopColor);
      const b = luminance(behind(element));
      lowest = Math.min(lowest, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
    }
    return lowest;
  }, selector);
}

async function setLanguage(language: 'en' | 'nl'): Promise<void> {
  const worker = await env.browser.worker();
  await worker.evaluate(async (lang) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), language: lang } });
  }, language);
}

const amsterdamDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(ms);

describe.each(['en', 'nl'] as const)('accessibility (%s)', (language) => {
  it('the panel: no serious or critical violations, compact, open and while logging; text 12 px or more', async () => {
    await setLanguage(language);
    const page = await env.browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${env.crm.url}leads/L-1042`);
    await inPanel(page, 'attempt-count').waitFor();
    expect(await seriousViolations(page, 'leadpace-panel'), 'compact').toEqual([]);
    expect((await smallestText(page, 'leadpace-panel')).px).toBeGreaterThanOrEqual(12);
    // Empty cadence dots and the status field are told apart from the panel by their edge.
    expect(await lowestBorderContrast(page, '.lp-step-todo .lp-dot')).toBeGreaterThanOrEqual(3);
    expect(await lowestBorderContrast(page, '.lp-dot')).toBeGreaterThanOrEqual(3);
    expect(await lowestBorderContrast(page, 'select')).toBeGreaterThanOrEqual(3);
    // The README's pictures of the panel at a common laptop size come from this run.
    const suffix = language === 'nl' ? '-nl' : '';
    await page.screenshot({ path: `tests/screenshots/panel-compact-1366${suffix}.png` });

    await inPanel(page, 'toggle-script').click();
    await page.screenshot({ path: `tests/screenshots/panel-open-1366${suffix}.png` });
    await inPanel(page, 'toggle-details').click();
    await inPanel(page, 'lead-note').waitFor();
    await inPanel(page, 'log-attempt').click();
    await inPanel(page, 'outcome-no_answer').waitFor();
    expect(await seriousViolations(page, 'leadpace-panel'), 'script and details open, logging').toEqual([]);
    expect(await lowestBorderContrast(page, 'textarea')).toBeGreaterThanOrEqual(3);
    expect((await smallestText(page, 'leadpace-panel')).px).toBeGreaterThanOrEqual(12);
    const before = Number(await inPanel(page, 'attempt-count').textContent());
    await inPanel(page, 'outcome-no_answer').click();
    await expect.poll(() => inPanel(page, 'attempt-count').textContent()).toBe(String(before + 1));
    expect(await seriousViolations(page, 'leadpace-panel'), 'after an attempt').toEqual([]);
    expect((await smallestText(page, 'leadpace-panel')).px).toBeGreaterThanOrEqual(12);

    await inPanel(page, 'panel-collapse').click();
    await inPanel(page, 'panel-expand').waitFor();
    expect(await seriousViolations(page, 'leadpace-panel'), 'collapsed').toEqual([]);
    await inPanel(page, 'panel-expand').click();
    await page.close();
  }, 180_000);

  it('the popup: no serious or critical violations; text 12 px or more', async () => {
    await setLanguage(language);
    const popup = await openPopup(env.browser);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.locator('[data-testid="today"]').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    expect((await smallestText(popup)).px).toBeGreaterThanOrEqual(12);
    await popup.close();
  }, 120_000);

  it('Options: no serious or critical violations', async () => {
    await setLanguage(language);
    const page = await env.browser.context.newPage();
    await page.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
    expect((await smallestText(page)).px).toBeGreaterThanOrEqual(12);
    await page.close();
  }, 180_000);

  it('the source report: no serious or critical violations', async () => {
    await setLanguage(language);
    const page = await env.browser.context.newPage();
    const now = Date.now();
    // The panel test above registered and worked a lead, so the report has a row to draw.
    await page.goto(`chrome-extension://${env.browser.extensionId}/report.html?from=${amsterdamDate(now - 10 * 86_400_000)}&to=${amsterdamDate(now)}`);
    await page.locator('[data-testid=source-row]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 180_000);
});
