/**
 * The floor for a content script: a second extension whose content script is empty, registered
 * the way Leadpace registers its detector (scripting.registerContentScripts, document_idle, same
 * origins), loaded in the same browser as Leadpace. On one page load each extension gets its own
 * isolated world, so one trace gives both figures for the same page, and their ratio is what
 * Leadpace costs above what any content script costs.
 */
/// <reference types="chrome" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { BROWSER_TIME_ZONE, CHROMIUM, EXTENSION_DIR, contentScriptsRegistered } from '../lib/extension-browser';

export const EMPTY_SCRIPT_FILE = 'empty.js';
const EMPTY_WORKER_FILE = 'empty-worker.js';

function writeEmptyExtension(dir: string, matches: readonly string[]): void {
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script (benchmark floor)',
    version: '1.0',
    permissions: ['scripting'],
    host_permissions: matches,
    background: { service_worker: EMPTY_WORKER_FILE },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  // A comment only: Chrome still creates the isolated world and evaluates the script.
  writeFileSync(join(dir, EMPTY_SCRIPT_FILE), '// intentionally empty\n');
  const registration = { id: 'empty', matches, js: [EMPTY_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true };
  writeFileSync(
    join(dir, EMPTY_WORKER_FILE),
    `chrome.runtime.onInstalled.addListener(() => chrome.scripting.registerContentScripts([${JSON.stringify(registration)}]));\n`,
  );
}

export interface SideBySide {
  context: BrowserContext;
  leadpaceId: string;
  /** The file Leadpace registered as its CRM content script (its detector), e.g. `/crm-detector.js`. */
  detectorFile: string;
  emptyId: string;
  close(): Promise<void>;
}

const idOf = (worker: Worker) => new URL(worker.url()).host;

/** The script file an extension registered for CRM pages (the first one; Leadpace has one). */
export async function registeredScriptFile(worker: Worker): Promise<string> {
  const file = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts())[0]?.js?.[0]);
  if (!file) throw new Error('the extension registered no content script');
  return file.startsWith('/') ? file : `/${file}`;
}

async function workerNamed(context: BrowserContext, file: string): Promise<Worker> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const found = context.serviceWorkers().find((w) => w.url().endsWith(`/${file}`));
    if (found) return found;
    await context.waitForEvent('serviceworker', { timeout: Math.max(1, until - Date.now()) }).catch(() => undefined);
  }
  throw new Error(`no service worker ${file} in the benchmark browser`);
}

/** A fresh headless Chromium with Leadpace's e2e build and the empty extension, both ready. */
export async function launchBesideEmpty(matches: readonly string[], options: { headless?: boolean } = {}): Promise<SideBySide> {
  const emptyDir = mkdtempSync(join(tmpdir(), 'leadpace-empty-ext-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'leadpace-bench-side-'));
  writeEmptyExtension(emptyDir, matches);
  const both = `${EXTENSION_DIR},${emptyDir}`;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    env: { ...process.env, TZ: BROWSER_TIME_ZONE },
    timezoneId: BROWSER_TIME_ZONE,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${both}`,
      `--load-extension=${both}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const cleanUp = () => {
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    context.setDefaultTimeout(10_000);
    const leadpace = await workerNamed(context, 'background.js');
    const empty = await workerNamed(context, EMPTY_WORKER_FILE);
    await contentScriptsRegistered(async () => leadpace);
    await contentScriptsRegistered(async () => empty);
    return {
      context,
      leadpaceId: idOf(leadpace),
      detectorFile: await registeredScriptFile(leadpace),
      emptyId: idOf(empty),
      close: async () => {
        await context.close();
        cleanUp();
      },
    };
  } catch (error) {
    await context.close();
    cleanUp();
    throw error;
  }
}
