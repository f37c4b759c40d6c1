import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/crms/registry';
import { setupExtensionAndCrm } from './harness';

// Every built-in adapter's saved pages, served at the CRM's real origin through Playwright
// routing (tests never fetch live pages), must get a panel for the expected lead.

const env = setupExtensionAndCrm();
const FIXTURES = resolve('tests/fixtures/crm');

interface Case {
  adapter: string;
  name: string;
  url: string;
  html: string;
  /** Extra documents (frames) a fixture needs: URL → HTML. */
  extra: Record<string, string>;
  leadId: string;
  leadName: string | undefined;
}

function casesFor(adapterId: string): Case[] {
  const dir = join(FIXTURES, adapterId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.expected.json'))
    .flatMap((file) => {
      const name = file.replace(/\.expected\.json$/, '');
      const expected = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        url: string;
        snapshot: { leadId: string; name?: string } | null;
      };
      if (!expected.snapshot) return [];
      const routesFile = join(dir, `${name}.routes.json`);
      const extra = existsSync(routesFile)
        ? Object.fromEntries(
            Object.entries(JSON.parse(readFileSync(routesFile, 'utf8')) as Record<string, string>).map(([url, f]) => [
              url,
              readFileSync(join(dir, f), 'utf8'),
            ]),
          )
        : {};
      return [
        {
          adapter: adapterId,
          name,
          url: expected.url,
          html: readFileSync(join(dir, `${name}.html`), 'utf8'),
          extra,
          leadId: expected.snapshot.leadId,
          leadName: expected.snapshot.name,
        },
      ];
    });
}

const withoutHash = (url: string) => url.split('#')[0] ?? url;

async function serve(page: Page, c: Case): Promise<void> {
  const documents = new Map<string, string>([[withoutHash(c.url), c.html], ...Object.entries(c.extra).map(([u, h]) => [withoutHash(u), h] as [string, string])]);
  await page.route('**/*', (route: Route) => {
    const url = withoutHash(route.request().url());
    const body = documents.get(url);
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    // No network here: everything else a saved page asks for (scripts, fonts, APIs) is absent.
    return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
  });
}

/** The frame (top or nested) that holds the panel for this lead. */
async function framePanelLeadId(page: Page): Promise<{ frame: Frame; leadId: string } | null> {
  for (const frame of page.frames()) {
    const host = frame.locator('leadpace-panel');
    if ((await host.count().catch(() => 0)) === 0) continue;
    const leadId = await host.first().getAttribute('data-lead-id').catch(() => null);
    if (leadId) return { frame, leadId };
  }
  return null;
}

// The demo adapter too: its changed-markup page proves the panel still comes without the usual hooks.
const builtIn = ADAPTERS;

describe('built-in adapters at their real origins', () => {
  it('every built-in adapter ships at least two saved pages', () => {
    for (const adapter of builtIn) expect(casesFor(adapter.id).length, adapter.id).toBeGreaterThanOrEqual(2);
  });

  for (const adapter of builtIn) {
    for (const c of casesFor(adapter.id)) {
      it(`${adapter.id}: ${c.name} gets a panel for ${c.leadId}`, async () => {
        const page = await env.browser.context.newPage();
        try {
          await serve(page, c);
          await page.goto(c.url);
          await expect.poll(() => framePanelLeadId(page).then((found) => found?.leadId ?? null), { timeout: 10_000 }).toBe(c.leadId);
          const found = await framePanelLeadId(page);
          const host = found?.frame.locator('leadpace-panel').first();
          expect(await host?.getAttribute('data-crm')).toBe(adapter.id);
          if (c.leadName) {
            await expect.poll(() => host?.locator('[data-testid="lead-name"]').textContent()).toBe(c.leadName);
          }
        } finally {
          await page.close();
        }
      });
    }
  }
});
