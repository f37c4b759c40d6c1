/**
 * Team sync: the extension pushes 5,000 pending events to a local team server (in process,
 * SQLite in a temp folder). The events are written straight into the extension's IndexedDB
 * (like a rep's backlog before connecting), then "Sync now" in options → Team runs the real
 * worker code: batches of 500, keyed lead hashes, zod-checked answers, outbox updates, and
 * the restore pull of the same events. Timed from the click to "Synced" with nothing pending.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { v7 as uuidv7 } from 'uuid';
import type { StoredEvent } from '../../lib/db/schema';
import { leadEventSchema } from '../../lib/domain/events';
import { createApp } from '../../server/app';
import { openDb } from '../../server/db/connect';
import { legacyKeyFingerprint } from '../../server/db/migrations-006-client-team-key';
import { addMember, createTeam } from '../../server/sql/tenancy';
import type { ExtensionBrowser } from '../lib/extension-browser';
import type { TableRow } from './stats';

const EVENTS = 5_000;
const GOAL_S = 10;

/** A rep's backlog: a lead_seen then four attempts per lead, all in the last few days. */
function backlog(n: number, now: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  const outcomes = ['no_answer', 'voicemail', 'reached', 'no_answer'] as const;
  for (let i = 0; i < n; i += 1) {
    const lead = Math.floor(i / 5);
    const base = { id: uuidv7(), v: 1, leadKey: `demo:B-${lead}`, at: now - (n - i) * 30_000, repId: 'bench-rep' };
    const event =
      i % 5 === 0
        ? leadEventSchema.parse({ ...base, type: 'lead_seen', crm: 'demo', leadId: `B-${lead}`, source: 'website', receivedAt: base.at })
        : leadEventSchema.parse({ ...base, type: 'attempt_logged', channel: 'call', outcome: outcomes[(i % 5) - 1] ?? 'no_answer' });
    events.push({ ...event, sync: 'pending' });
  }
  return events;
}

export async function benchSync(browser: ExtensionBrowser, events = EVENTS): Promise<TableRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leadpace-bench-sync-'));
  const db = await openDb({ engine: 'sqlite', file: join(dir, 'leadpace.db') });
  const http = await new Promise<ServerType>((ready) => {
    const server = serve({ fetch: createApp({
        db,
        // A bench of one rep's whole backlog, not of the limits: they would hold it to 25 events a second.
        rateLimit: { capacity: 1000, refillPerSecond: 1000 },
        eventRateLimit: { capacity: 1e9, refillPerSecond: 1e9 },
        refoldRateLimit: { capacity: 1e9, refillPerSecond: 1e9 },
      }).fetch, port: 0, hostname: '127.0.0.1' }, () =>
      ready(server),
    );
  });
  const page = await browser.context.newPage();
  try {
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const teamKey = randomBytes(32).toString('base64url');
    const team = await createTeam(db, { name: 'Bench', visibility: 'named', keyFingerprint: legacyKeyFingerprint(teamKey) });
    const rep = await addMember(db, { teamId: team.teamId, name: 'Bench Rep', role: 'rep' });

    await page.goto(`chrome-extension://${browser.extensionId}/options.html#team`);
    await page.getByTestId('team-server-url').fill(url);
    await page.getByTestId('team-secret').fill(`${rep.token}#${teamKey}`);
    await page.getByTestId('team-connect').click();
    await page.getByTestId('team-connected').waitFor();
    // Let the sync that connecting starts finish (it has nothing to push yet).
    await page.waitForFunction(() => document.querySelector('[data-testid="team-last-success"]')?.getAttribute('data-at') !== '', undefined, { timeout: 15_000 });

    // Raw IndexedDB, so the worker's after-write trigger does not start the run early.
    const json = JSON.stringify(backlog(events, Date.now()));
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('leadpace');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const idb = open.result;
            const tx = idb.transaction('events', 'readwrite');
            for (const row of JSON.parse(rows) as unknown[]) tx.objectStore('events').put(row);
            tx.oncomplete = () => {
              idb.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('write failed'));
          };
        }),
      json,
    );
    // Dexie's live queries do not see raw writes: reload to read the new pending count.
    await page.reload();
    await page.waitForFunction((n) => document.querySelector('[data-testid="team-pending"]')?.getAttribute('data-count') === String(n), events);

    const started = performance.now();
    await page.getByTestId('team-sync-now').click();
    await page.getByTestId('team-notice').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="team-pending"]')?.getAttribute('data-count') === '0', undefined, { timeout: 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const notice = (await page.getByTestId('team-notice').textContent()) ?? '';
    const stored = await db.kysely.selectFrom('events').select(db.kysely.fn.countAll<number>().as('n')).executeTakeFirst();
    const count = Number(stored?.n ?? 0);
    console.log(`sync ${events.toLocaleString('en-US')} pending events to a local server: ${seconds.toFixed(2)} s (server stored ${count}; "${notice}")`);
    if (count !== events) throw new Error(`the server stored ${count} of ${events} events`);
    return [{ metric: `sync ${events.toLocaleString('en-US')} pending events to a local server`, value: `${seconds.toFixed(2)} s`, goal: `≤ ${GOAL_S} s` }];
  } finally {
    await page.close().catch(() => undefined);
    await new Promise((r) => http.close(r));
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx scripts/bench/sync.ts`: the sync figure alone, on its own browser.
if (process.argv[1]?.endsWith('bench/sync.ts')) {
  const { launchWithExtension, removeProfile } = await import('../lib/extension-browser');
  const browser = await launchWithExtension(undefined, { headless: true });
  try {
    await benchSync(browser);
  } finally {
    await browser.close();
    removeProfile(browser.profileDir);
  }
}
