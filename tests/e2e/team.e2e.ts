import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpAllTables, seedTeam, type TeamFixture } from '@/tests/server/harness';
import { inPanel, logAttemptInPanel, openPopup, startCrm, type ExtensionBrowser } from './harness';
import { browserProfiles, connectInOptions, invitationSecret, startTeamServer, type TeamServer } from './team-server';

// Two reps in two browser profiles log attempts on the fake CRM and sync to a real team
// server (in process, SQLite); the team lead's popup shows both; a fresh profile with rep 1's
// token restores rep 1's events; and no server row holds a customer detail the CRM showed.

let crm: Awaited<ReturnType<typeof startCrm>>;
let server: TeamServer;
let team: TeamFixture;
const profiles = browserProfiles();

const CUSTOMERS: readonly Customer[] = [
  { name: 'Sanne Visser-Bakker', phone: '+31687654321', email: 'sanne.visser@example.nl', source: 'Marktplaats', vehicle: 'Kia Niro EV (2022)' },
  { name: 'Youssef Amrani', phone: '+31611122233', email: 'y.amrani@example.com', source: 'AutoScout24', vehicle: 'Skoda Octavia Combi (2020)' },
];

interface Customer {
  name: string;
  phone: string;
  email: string;
  source: string;
  vehicle: string;
}

function customer(i: number): Customer {
  const c = CUSTOMERS[i];
  if (!c) throw new Error(`no customer ${i}`);
  return c;
}

beforeAll(async () => {
  crm = await startCrm();
  server = await startTeamServer('team');
  team = await seedTeam(server.db, {
    name: 'Autohuis Noord',
    visibility: 'named',
    members: [
      { key: 'anna', name: 'Anna de Boer', role: 'rep' },
      { key: 'bram', name: 'Bram Jansen', role: 'rep' },
      { key: 'lotte', name: 'Lotte', role: 'manager' },
    ],
  });
});

afterAll(async () => {
  await profiles.closeAll();
  await server?.close();
  await crm?.close();
});

/** Connects through the options page, as a rep would. */
const connectAs = (b: ExtensionBrowser, key: string): Promise<Page> => connectInOptions(b, invitationSecret(team, key), server.url);

async function syncNow(options: Page): Promise<string> {
  await options.getByTestId('team-sync-now').click();
  const notice = options.getByTestId('team-notice');
  await notice.waitFor();
  return (await notice.textContent()) ?? '';
}

async function createLead(lead: Customer): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${crm.port}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(lead),
  });
  if (!response.ok) throw new Error(`CRM refused the lead: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

async function workLead(b: ExtensionBrowser, id: string, attempts: [string, string][]): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${crm.url}leads/${id}`);
  await inPanel(page, 'attempt-count').waitFor();
  for (const [channel, outcome] of attempts) await logAttemptInPanel(page, channel, outcome);
  return page;
}

const rowsOf = (popup: Page) => popup.locator('[data-testid="team-leaderboard"] [data-testid="team-row"]');

describe('team sync end to end', () => {
  let annaLead = '';

  it('two reps sync their attempts and the team lead’s popup shows both', async () => {
    annaLead = await createLead(customer(0));
    const bramLead = await createLead(customer(1));

    const anna = await profiles.launch();
    const annaOptions = await connectAs(anna, 'anna');
    expect(await annaOptions.getByTestId('team-member').textContent()).toBe('Anna de Boer');
    expect(await annaOptions.getByTestId('team-role').getAttribute('data-role')).toBe('rep');
    expect(await annaOptions.getByTestId('team-visibility').getAttribute('data-visibility')).toBe('named');
    const annaPage = await workLead(anna, annaLead, [
      ['call', 'no_answer'],
      ['whatsapp', 'reached'],
    ]);
    expect(await inPanel(annaPage, 'lead-name').textContent()).toBe(customer(0).name);

    const bram = await profiles.launch();
    const bramOptions = await connectAs(bram, 'bram');
    await workLead(bram, bramLead, [['call', 'voicemail']]);

    expect(await syncNow(annaOptions)).toMatch(/^Synced: /);
    await expect.poll(() => annaOptions.getByTestId('team-pending').getAttribute('data-count')).toBe('0');
    expect(await annaOptions.getByTestId('team-last-success').getAttribute('data-at')).not.toBe('');
    expect(await syncNow(bramOptions)).toMatch(/^Synced: /);
    await expect.poll(() => bramOptions.getByTestId('team-pending').getAttribute('data-count')).toBe('0');

    // The team lead's own browser.
    const lotte = await profiles.launch();
    const lotteOptions = await connectAs(lotte, 'lotte');
    expect(await lotteOptions.getByTestId('team-role').getAttribute('data-role')).toBe('manager');
    const popup = await openPopup(lotte);
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.getByTestId('team-period-today').click();
    await expect.poll(() => rowsOf(popup).count()).toBe(2);
    const byLabel = async () =>
      Object.fromEntries(
        await Promise.all(
          (await rowsOf(popup).all()).map(async (row) => [await row.getAttribute('data-label'), { attempts: await row.getAttribute('data-attempts'), leads: await row.getAttribute('data-leads') }] as const),
        ),
      );
    await expect.poll(byLabel).toEqual({ 'Anna de Boer': { attempts: '2', leads: '1' }, 'Bram Jansen': { attempts: '1', leads: '1' } });
    // The lead is not a rep: no row is theirs.
    expect(await popup.locator('[data-testid="team-row"][data-me="true"]').count()).toBe(0);
    expect(await popup.getByTestId('team-total').getAttribute('data-leads')).toBe('2');

    // A rep sees themself highlighted.
    const annaPopup = await openPopup(anna);
    await annaPopup.getByTestId('team-period-today').click();
    await expect.poll(() => annaPopup.locator('[data-testid="team-row"][data-me="true"]').getAttribute('data-label')).toBe('Anna de Boer');
  });

  it('no server row holds a customer name, phone number or e-mail the CRM showed', async () => {
    const dump = await dumpAllTables(server.db);
    expect(dump.length).toBeGreaterThan(100);
    for (const c of CUSTOMERS) {
      for (const secret of [c.name, c.phone, c.email, c.vehicle, c.phone.replace('+31', '0')]) expect(dump).not.toContain(secret);
    }
    expect(dump).not.toContain(annaLead);
  });

  it('restore: a fresh profile with rep 1’s token pulls its events back; the lead’s history returns when reopened', async () => {
    const fresh = await profiles.launch();
    const options = await connectAs(fresh, 'anna');
    expect(await syncNow(options)).toMatch(/^Synced: /);
    // lead_seen + 2 attempts were Anna's.
    await expect.poll(() => options.getByTestId('team-restored').getAttribute('data-count')).toBe('3');

    // Opening the same CRM lead again: the hash matches and the two attempts come back.
    const page = await fresh.context.newPage();
    await page.goto(`${crm.url}leads/${annaLead}`);
    await inPanel(page, 'attempt-count').waitFor();
    // The re-sighting is new for the server; the worker may have pushed it already.
    expect(await syncNow(options)).toMatch(/^Synced: /);
    await expect.poll(() => options.locator('[data-testid="team-restored"]').count()).toBe(0);
    await expect.poll(() => options.getByTestId('team-pending').getAttribute('data-count')).toBe('0');
    await page.reload();
    await expect.poll(() => inPanel(page, 'attempt-count').textContent()).toBe('2');

    // And the server did not count anything twice.
    const popup = await openPopup(fresh);
    await popup.getByTestId('team-period-today').click();
    await expect
      .poll(async () => popup.locator('[data-testid="team-row"][data-me="true"]').getAttribute('data-attempts'))
      .toBe('2');
  });
});
