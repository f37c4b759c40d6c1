/// <reference types="chrome" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

// Shared by the end-to-end tests, the demo and the benchmarks: Debian's Chromium with the
// built test extension loaded.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const EXTENSION_DIR = resolve(process.env.LEADPACE_EXTENSION_DIR ?? '.output/chrome-mv3-e2e');

interface CrmSite {
  url: string;
  port: number;
  close: () => Promise<void>;
}

export async function startCrm(): Promise<CrmSite> {
  // The fake CRM is plain JS (it is also the demo); import it at run time.
  const mod = (await import(resolve('tests/crm-site/serve.mjs'))) as {
    startCrmSite: (o?: { port?: number }) => Promise<CrmSite>;
  };
  return mod.startCrmSite({ port: 0 });
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  worker: () => Promise<Worker>;
  close: () => Promise<void>;
}

/**
 * The zone the test browser runs in. A fresh install takes its dealer zone from the browser, and
 * the tests and the demo are written for an Amsterdam dealer, so they must not depend on the
 * machine's own zone (UTC on most CI machines).
 */
export const BROWSER_TIME_ZONE = 'Europe/Amsterdam';

/** Chromium with the built extension, on a profile that can be reused to test restarts. */
export async function launchWithExtension(
  profileDir?: string,
  options: { headless?: boolean; timeZone?: string } = {},
): Promise<ExtensionBrowser> {
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'leadpace-e2e-'));
  const timeZone = options.timeZone ?? BROWSER_TIME_ZONE;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    // TZ covers the service worker and extension pages, which timezoneId (pages only) does not.
    env: { ...process.env, TZ: timeZone },
    timezoneId: timeZone,
    // A window when there is a display (the demo on a desktop), headless otherwise.
    headless: options.headless ?? !process.env.DISPLAY,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  // Without this, a locator waiting for an element that never comes waits forever.
  context.setDefaultTimeout(10_000);
  const worker = async () => context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  await contentScriptsRegistered(worker);
  return {
    context,
    extensionId,
    profileDir: dir,
    worker,
    close: async () => {
      await context.close();
    },
  };
}

/**
 * A fresh install (or an extension reload) registers its CRM content scripts
 * asynchronously; wait for that, as a dealer opening the CRM a moment later would.
 */
export async function contentScriptsRegistered(worker: () => Promise<Worker>): Promise<void> {
  await expectEventually(async () => {
    const sw = await worker();
    return sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0);
  });
}

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

