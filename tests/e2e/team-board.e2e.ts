import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLeadKey } from '@/server/testing/lead-hash';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import type { WireEvent } from '@/lib/sync/wire';
import { seedTeam, type TeamFixture } from '@/tests/server/harness';
import { openPopup, type ExtensionBrowser } from './harness';
import { browserProfiles, connectInOptions, invitationSecret, lastMonthMorning, memberToken, pushEvents, startTeamServer, type TeamServer } from './team-server';

// A manager's own browser against a real team server (in process, SQLite) that holds last
// month's work of three reps, pushed as the reps' browsers would: the popup opens on Team and
// the full board (report.html#team) ranks, sorts, highlights and lists early closes.

const MINUTE = 60_000;
let server: TeamServer;
let team: TeamFixture;
let manager: ExtensionBrowser;
const profiles = browserProfiles();

type Step = { after: number; attempt?: 'no_answer' | 'reached'; status?: 'lost' | 'sold' };

/** One lead's wire events: seen at `received`, then attempts and a close `after` minutes later. */
function leadEvents(leadKey: string, received: number, steps: Step[]): WireEvent[] {
  const lead = hashLeadKey(team.teamKey, leadKey);
  const events: WireEvent[] = [{ id: uuidv7(), v: 1, lead, at: received, type: 'lead_seen', source: 'website', receivedAt: received }];
  for (const step of steps) {
    const at = received + step.after * MINUTE;
    if (step.attempt) events.push({ id: uuidv7(), v: 1, lead, at, type: 'attempt_logged', channel: 'call', outcome: step.attempt });
    if (step.status === 'lost') events.push({ id: uuidv7(), v: 1, lead, at, type: 'status_changed', status: 'lost', lostReason: 'unreachable' });
    if (step.status === 'sold') events.push({ id: uuidv7(), v: 1, lead, at, type: 'status_changed', status: 'sold' });
  }
  return events;
}

const push = (key: string, events: WireEvent[]) => pushEvents(server.url, memberToken(team, key), events);

beforeAll(async () => {
  server = await startTeamServer('team-board');
  team = await seedTeam(server.db, {
    name: 'Autohuis Van Dijk Utrecht-Noord',
    visibility: 'pseudonymous',
    members: [
      { key: 'sanne', name: 'Sanne Visser-Bakker', role: 'rep' },
      { key: 'bram', name: 'Bram Hoekstra', role: 'rep' },
      { key: 'mohammed', name: 'Mohammed El Amrani', role: 'rep' },
      { key: 'lotte', name: 'Lotte de Vries', role: 'manager' },
    ],
  });
  const res = await fetch(`${server.url}/v1/team/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${memberToken(team, 'lotte')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ openingHours: DEFAULT_OPENING_HOURS, cadence: DEFAULT_CADENCE_SETTINGS, monthlyTarget: 8, conversionFloor: 0.13, baseVersion: 1 }),
  });
  if (res.status !== 200) throw new Error(`team settings refused: ${res.status}`);

  const t0 = lastMonthMorning();
  // Sanne: fast (2 min), three leads, one sold.
  await push('sanne', [
    ...leadEvents('demo:s1', t0, [{ after: 2, attempt: 'reached' }, { after: 30, status: 'sold' }]),
    ...leadEvents('demo:s2', t0 + 60 * MINUTE, [{ after: 2, attempt: 'reached' }]),
    ...leadEvents('demo:s3', t0 + 120 * MINUTE, [{ after: 3, attempt: 'no_answer' }, { after: 40, attempt: 'reached' }]),
  ]);
  // Bram: slow (66 min, above the 5 min SLA: the widest median, "1 h 06 min"), two leads, both
  // closed after one unanswered call.
  await push('bram', [
    ...leadEvents('demo:b1', t0, [{ after: 66, attempt: 'no_answer' }, { after: 67, status: 'lost' }]),
    ...leadEvents('demo:b2', t0 + 90 * MINUTE, [{ after: 66, attempt: 'no_answer' }, { after: 67, status: 'lost' }]),
  ]);
  // Mohammed: 4 min, one lead reached.
  await push('mohammed', [...leadEvents('demo:m1', t0, [{ after: 4, attempt: 'reached' }])]);

  manager = await profiles.launch();
  const options = await connectInOptions(manager, invitationSecret(team, 'lotte'), server.url);
  await options.close();
});

afterAll(async () => {
  await profiles.closeAll();
  await server?.close();
});

/** Sets the interface language from an extension page, as Options → Language does. */
async function setLanguage(page: Page, language: 'nl' | 'en'): Promise<void> {
  await page.evaluate(async (lang) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: lang } });
  }, language);
}

/** Serious and critical axe violations on the page, as rule ids with their targets. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const rows = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`);
const labelsOf = async (page: Page, testId: string) => Promise.all((await rows(page, testId).all()).map((r) => r.getAttribute('data-label')));

describe('the manager’s team board', () => {
  it.each(['en', 'nl'] as const)('%s: the popup opens on Team, every column in view at 400 px, and links to the full board', async (lang) => {
    const popup = await openPopup(manager);
    await setLanguage(popup, lang);
    await popup.reload();
    await popup.setViewportSize({ width: 400, height: 900 });
    const team = popup.getByTestId('team');
    await expect.poll(() => team.getAttribute('data-role')).toBe('manager');
    const teamTop = (await team.boundingBox())?.y ?? Infinity;
    const leadsTop = (await popup.getByTestId('my-leads').boundingBox())?.y ?? -Infinity;
    expect(teamTop).toBeLessThan(leadsTop);

    await popup.getByTestId('team-period-last-month').click();
    await expect.poll(() => rows(popup, 'team-row').count()).toBe(3);
    // A manager sees names, whatever the team's mode; ranked by properly worked.
    await expect.poll(() => labelsOf(popup, 'team-row')).toEqual(['Sanne Visser-Bakker', 'Mohammed El Amrani', 'Bram Hoekstra']);
    expect(await popup.locator('[data-testid="team-row"][data-label="Bram Hoekstra"]').getAttribute('data-below-sla')).toBe('true');
    // No column scrolls out of view: the table ends inside the section, at 12 px.
    const fit = await popup.getByTestId('team-leaderboard').evaluate((table) => {
      const section = table.closest('section');
      return {
        right: table.getBoundingClientRect().right,
        limit: section ? section.getBoundingClientRect().right : 0,
        font: getComputedStyle(table).fontSize,
        page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      };
    });
    expect(fit.right).toBeLessThanOrEqual(fit.limit);
    expect(fit.font).toBe('12px');
    expect(fit.page).toBe(true);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.screenshot({ path: `tests/screenshots/manager-popup-${lang}.png`, fullPage: true });

    const opened = manager.context.waitForEvent('page');
    await popup.getByTestId('team-open-board').click();
    const board = await opened;
    await board.waitForURL(/\/report\.html#team$/);
    await board.getByTestId('team-board').waitFor();
    await board.close();
    await popup.close();
  });

  it.each(['en', 'nl'] as const)('%s: report.html#team ranks, sorts by any column, highlights the slow rep and explains early closes', async (lang) => {
    const page = await manager.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`chrome-extension://${manager.extensionId}/report.html#team`);
    await setLanguage(page, lang);
    await page.reload();
    await page.getByTestId('board-period-last-month').click();
    await expect.poll(() => rows(page, 'board-row').count()).toBe(3);
    await expect.poll(() => labelsOf(page, 'board-row')).toEqual(['Sanne Visser-Bakker', 'Mohammed El Amrani', 'Bram Hoekstra']);
    const bram = page.locator('[data-testid="board-row"][data-label="Bram Hoekstra"]');
    expect(await bram.getAttribute('data-below-sla')).toBe('true');
    expect(await bram.getAttribute('data-rank')).toBe('3');
    expect(await page.locator('[data-testid="board-row"][data-below-sla="true"]').count()).toBe(1);
    expect(await page.getByTestId('board-total').textContent()).toContain(lang === 'nl' ? '1 van 6' : '1 of 6');

    await page.getByTestId('board-sort-median').click();
    await expect.poll(() => labelsOf(page, 'board-row')).toEqual(['Sanne Visser-Bakker', 'Mohammed El Amrani', 'Bram Hoekstra']);
    await page.getByTestId('board-sort-median').click();
    await expect.poll(() => labelsOf(page, 'board-row')).toEqual(['Bram Hoekstra', 'Mohammed El Amrani', 'Sanne Visser-Bakker']);
    expect(await page.getByTestId('board-sort-median').locator('xpath=..').getAttribute('aria-sort')).toBe('descending');
    await page.getByTestId('board-sort-leads').click();
    await expect.poll(() => labelsOf(page, 'board-row')).toEqual(['Sanne Visser-Bakker', 'Bram Hoekstra', 'Mohammed El Amrani']);
    await page.getByTestId('board-sort-rank').click();

    await bram.getByTestId('board-early-toggle').click();
    const detail = page.getByTestId('board-early-detail');
    // The manager gets Bram's two leads from the team report; pushed without a sealed reference,
    // they have no CRM record to open.
    await expect.poll(() => detail.getByTestId('board-early-colleague-lead').count()).toBe(2);
    expect(await detail.textContent()).toContain(lang === 'nl' ? 'Geen verwijzing (verstuurd door een oudere versie)' : 'No reference (sent by an older version)');
    await expect.poll(() => page.getByTestId('board-pacing-target').textContent()).toBe('24');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `tests/screenshots/team-board-${lang}.png`, fullPage: true });
    await page.close();
  });
});
