import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { TZDate } from '@date-fns/tz';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import { openDb, type Db } from '@/server/db/connect';
import { hashLeadKey } from '@/server/testing/lead-hash';
import { addMember, createPairingCode, createTeam } from '@/server/sql/tenancy';
import { encryptLeadRef } from '@/lib/sync/team-key';
import { parseInvitation } from '@/lib/sync/invitation';
import { GENEROUS_LIMIT } from '@/tests/server/harness';
import { createFreshLead, inPanel, launchWithExtension, removeProfile, startCrm, type ExtensionBrowser } from './harness';

// Two profiles against a real team server: the manager's browser creates the team key and
// invites a rep with a link that carries it after #; the rep's closed-too-early lead then opens
// in the CRM from the manager's board, while no server table holds a CRM record id or the key.

const MINUTE = 60_000;
let dataDir: string;
let db: Db;
let http: ServerType;
let serverUrl: string;
let crm: Awaited<ReturnType<typeof startCrm>>;
const browsers: ExtensionBrowser[] = [];

function lastMonthMorning(): number {
  const now = new TZDate(Date.now(), 'Europe/Amsterdam');
  const day = new TZDate(now.getFullYear(), now.getMonth() - 1, 10, 10, 0, 'Europe/Amsterdam');
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  return day.getTime();
}

async function dumpEveryTable(): Promise<string> {
  const names = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db.kysely);
  const parts: string[] = [];
  for (const { name } of names.rows) parts.push(JSON.stringify((await sql`SELECT * FROM ${sql.table(name)}`.execute(db.kysely)).rows));
  return parts.join('\n');
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'leadpace-team-key-e2e-'));
  db = await openDb({ engine: 'sqlite', file: join(dataDir, 'leadpace.db') });
  const app = createApp({ db, rateLimit: GENEROUS_LIMIT });
  http = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  serverUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  crm = await startCrm();
});

afterAll(async () => {
  for (const b of browsers) {
    await b.close().catch(() => undefined);
    removeProfile(b.profileDir);
  }
  await crm?.close();
  await new Promise((r) => http?.close(r));
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the client-held team key', () => {
  it('a manager invites a rep with the key after #, then opens the rep’s closed-too-early lead in the CRM', async () => {
    const { teamId } = await createTeam(db, { name: 'Autohuis Noord', visibility: 'named' });
    const mia = await addMember(db, { teamId, name: 'Mia Manager', role: 'manager' });
    const ruud = await addMember(db, { teamId, name: 'Ruud Verkoper', role: 'rep' });

    const manager = await launchWithExtension();
    browsers.push(manager);
    const options = await manager.context.newPage();
    await options.goto(`chrome-extension://${manager.extensionId}/options.html#team`);
    await options.getByTestId('team-server-url').fill(serverUrl);
    await options.getByTestId('team-secret').fill(mia.token);
    await options.getByTestId('team-connect').click();
    await options.getByTestId('team-connected').waitFor();

    // The manager's browser has seen the dealer's CRM (and so knows its host and port).
    const seenByManager = await createFreshLead(crm, 'Klant Twee');
    const crmTab = await manager.context.newPage();
    await crmTab.goto(`${crm.url}leads/${seenByManager}`);
    await inPanel(crmTab, 'attempt-count').waitFor();
    await crmTab.close();

    const { code } = await createPairingCode(db, ruud.memberId);
    await options.getByTestId('team-invite-code').fill(code);
    await options.getByTestId('team-invite-make').click();
    const link = await options.getByTestId('team-invite-link').inputValue();
    const invitation = parseInvitation(link);
    if (!invitation.ok || invitation.invitation.teamKey === null) throw new Error(`not an invitation: ${link}`);
    const teamKey = invitation.invitation.teamKey;
    expect(link.startsWith(`${serverUrl}/#pair=`)).toBe(true);

    const rep = await launchWithExtension();
    browsers.push(rep);
    const repOptions = await rep.context.newPage();
    await repOptions.goto(`chrome-extension://${rep.extensionId}/options.html#team`);
    await repOptions.getByTestId('team-secret').fill(link);
    await repOptions.getByTestId('team-connect').click();
    await repOptions.getByTestId('team-connected').waitFor();
    expect(await repOptions.getByTestId('team-member').textContent()).toBe('Ruud Verkoper');
    // A rep gets nothing to invite with.
    expect(await repOptions.getByTestId('team-invite').count()).toBe(0);

    // The rep's lead, closed after one attempt, as the rep's browser sends it: hash and sealed reference.
    const RECORD_ID = await createFreshLead(crm, 'Klant Een');
    const leadKey = `demo:${RECORD_ID}`;
    const lead = hashLeadKey(teamKey, leadKey);
    const received = lastMonthMorning();
    const ref = await encryptLeadRef(teamKey, leadKey);
    const events = [
      { id: uuidv7(), v: 1, lead, ref, at: received, type: 'lead_seen', source: 'website', receivedAt: received },
      { id: uuidv7(), v: 1, lead, at: received + 2 * MINUTE, type: 'attempt_logged', channel: 'call', outcome: 'no_answer' },
      { id: uuidv7(), v: 1, lead, ref, at: received + 3 * MINUTE, type: 'status_changed', status: 'lost', lostReason: 'unreachable' },
    ];
    const pushed = await fetch(`${serverUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ruud.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    expect(pushed.status).toBe(200);

    const board = await manager.context.newPage();
    await board.goto(`chrome-extension://${manager.extensionId}/report.html#team`);
    await board.getByTestId('board-period-last-month').click();
    await board.getByRole('button', { name: /Ruud Verkoper/ }).first().click();
    const open = board.getByTestId('board-early-open-crm');
    await open.waitFor();
    const recordUrl = `${new URL(crm.url).origin}/leads/${RECORD_ID}`;
    expect(await open.getAttribute('href')).toBe(recordUrl);
    const [crmPage] = await Promise.all([manager.context.waitForEvent('page'), open.click()]);
    await crmPage.waitForLoadState('domcontentloaded');
    expect(crmPage.url()).toBe(recordUrl);
    await inPanel(crmPage, 'attempt-count').waitFor();

    const dump = await dumpEveryTable();
    expect(dump).not.toContain(RECORD_ID);
    expect(dump).not.toContain(teamKey);
    for (const customer of ['Klant Een', 'Klant Twee', '+31687654321']) expect(dump).not.toContain(customer);
  });
});
