import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLeadKey } from '@/server/testing/lead-hash';
import { addMember, createPairingCode, createTeam } from '@/server/sql/tenancy';
import { encryptLeadRef } from '@/lib/sync/team-key';
import { parseInvitation } from '@/lib/sync/invitation';
import type { WireEvent } from '@/lib/sync/wire';
import { createFreshLead, inPanel, startCrm } from './harness';
import { browserProfiles, connectInOptions, lastMonthMorning, pushEvents, startTeamServer, type TeamServer } from './team-server';

// Two profiles against a real team server: the manager's browser creates the team key and
// invites a rep with a link that carries it after #; the rep's closed-too-early lead then opens
// in the CRM from the manager's board, while no server table holds a CRM record id or the key.

const MINUTE = 60_000;
let server: TeamServer;
let crm: Awaited<ReturnType<typeof startCrm>>;
const profiles = browserProfiles();

async function dumpEveryTable(): Promise<string> {
  const names = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(server.db.kysely);
  const parts: string[] = [];
  for (const { name } of names.rows) parts.push(JSON.stringify((await sql`SELECT * FROM ${sql.table(name)}`.execute(server.db.kysely)).rows));
  return parts.join('\n');
}

beforeAll(async () => {
  server = await startTeamServer('team-key');
  crm = await startCrm();
});

afterAll(async () => {
  await profiles.closeAll();
  await crm?.close();
  await server?.close();
});

describe('the client-held team key', () => {
  it('a manager invites a rep with the key after #, then opens the rep’s closed-too-early lead in the CRM', async () => {
    const { teamId } = await createTeam(server.db, { name: 'Autohuis Noord', visibility: 'named' });
    const mia = await addMember(server.db, { teamId, name: 'Mia Manager', role: 'manager' });
    const ruud = await addMember(server.db, { teamId, name: 'Ruud Verkoper', role: 'rep' });

    const manager = await profiles.launch();
    const options = await connectInOptions(manager, mia.token, server.url);

    // The manager's browser has seen the dealer's CRM (and so knows its host and port).
    const seenByManager = await createFreshLead(crm, 'Klant Twee');
    const crmTab = await manager.context.newPage();
    await crmTab.goto(`${crm.url}leads/${seenByManager}`);
    await inPanel(crmTab, 'attempt-count').waitFor();
    await crmTab.close();

    const { code } = await createPairingCode(server.db, ruud.memberId);
    await options.getByTestId('team-invite-code').fill(code);
    await options.getByTestId('team-invite-make').click();
    const link = await options.getByTestId('team-invite-link').inputValue();
    const invitation = parseInvitation(link);
    if (!invitation.ok || invitation.invitation.teamKey === null) throw new Error(`not an invitation: ${link}`);
    const teamKey = invitation.invitation.teamKey;
    expect(link.startsWith(`${server.url}/#pair=`)).toBe(true);

    // The link carries the server and the key: the rep pastes nothing else.
    const repOptions = await connectInOptions(await profiles.launch(), link);
    expect(await repOptions.getByTestId('team-member').textContent()).toBe('Ruud Verkoper');
    // A rep gets nothing to invite with.
    expect(await repOptions.getByTestId('team-invite').count()).toBe(0);

    // The rep's lead, closed after one attempt, as the rep's browser sends it: hash and sealed reference.
    const RECORD_ID = await createFreshLead(crm, 'Klant Een');
    const leadKey = `demo:${RECORD_ID}`;
    const lead = hashLeadKey(teamKey, leadKey);
    const received = lastMonthMorning();
    const ref = await encryptLeadRef(teamKey, leadKey);
    if (ref === null) throw new Error(`no sealed reference for ${leadKey}`);
    const events: WireEvent[] = [
      { id: uuidv7(), v: 1, lead, ref, at: received, type: 'lead_seen', source: 'website', receivedAt: received },
      { id: uuidv7(), v: 1, lead, at: received + 2 * MINUTE, type: 'attempt_logged', channel: 'call', outcome: 'no_answer' },
      { id: uuidv7(), v: 1, lead, ref, at: received + 3 * MINUTE, type: 'status_changed', status: 'lost', lostReason: 'unreachable' },
    ];
    await pushEvents(server.url, ruud.token, events);

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
