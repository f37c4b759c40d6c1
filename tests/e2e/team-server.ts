import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { TZDate } from '@date-fns/tz';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import type { WireEvent } from '@/lib/sync/wire';
import { createApp, type AppDeps } from '@/server/app';
import { openDb, type Db } from '@/server/db/connect';
import { GENEROUS_LIMIT, type TeamFixture } from '@/tests/server/harness';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './harness';

// What the team e2e files share: a real team server in this process (SQLite in a fresh folder,
// listening on a free port, so the extension's requests go over HTTP with CORS as in the field),
// browser profiles that are closed and removed afterwards, and connecting one of them through
// Options → Team as a rep or manager does.

export interface TeamServer {
  db: Db;
  /** Origin the extension is given, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

/** Starts a server on an empty database; `label` names its temporary folder. */
export async function startTeamServer(label: string, deps: Omit<AppDeps, 'db' | 'rateLimit'> = {}): Promise<TeamServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `leadpace-${label}-e2e-`));
  const db = await openDb({ engine: 'sqlite', file: join(dataDir, 'leadpace.db') });
  const app = createApp({ db, rateLimit: GENEROUS_LIMIT, ...deps });
  const http = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    db,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((r) => http.close(r));
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function memberToken(team: TeamFixture, key: string): string {
  const member = team.members[key];
  if (!member) throw new Error(`no member ${key}`);
  return member.token;
}

/** What a member pastes: the token, and the team key after # (which the server never sees). */
export const invitationSecret = (team: TeamFixture, key: string): string => `${memberToken(team, key)}#${team.teamKey}`;

/** Browser profiles launched by one test file, closed and deleted together in its afterAll. */
export function browserProfiles(): { launch(): Promise<ExtensionBrowser>; closeAll(): Promise<void> } {
  const browsers: ExtensionBrowser[] = [];
  return {
    async launch() {
      const b = await launchWithExtension();
      browsers.push(b);
      return b;
    },
    async closeAll() {
      for (const b of browsers.splice(0)) {
        await b.close().catch(() => undefined);
        removeProfile(b.profileDir);
      }
    },
  };
}

/**
 * Connects a profile in Options → Team and waits until it says connected. Without `serverUrl`
 * the secret must carry the server (an invitation link).
 */
export async function connectInOptions(browser: ExtensionBrowser, secret: string, serverUrl?: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#team`);
  if (serverUrl !== undefined) await page.getByTestId('team-server-url').fill(serverUrl);
  await page.getByTestId('team-secret').fill(secret);
  await page.getByTestId('team-connect').click();
  await page.getByTestId('team-connected').waitFor();
  return page;
}

/** Pushes events as a member's browser would; a refused push or rejected event fails the test. */
export async function pushEvents(serverUrl: string, token: string, events: WireEvent[]): Promise<void> {
  const res = await fetch(`${serverUrl}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  const body = (await res.json()) as { accepted: number; rejected: unknown[] };
  if (res.status !== 200 || body.rejected.length > 0) throw new Error(`push refused: ${res.status} ${JSON.stringify(body)}`);
}

/** A working weekday of last month at 10:00 in Amsterdam: inside opening hours whatever today is. */
export function lastMonthMorning(): number {
  const now = new TZDate(Date.now(), 'Europe/Amsterdam');
  const day = new TZDate(now.getFullYear(), now.getMonth() - 1, 10, 10, 0, 'Europe/Amsterdam');
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  return day.getTime();
}
