import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runTick } from '@/lib/background/nudges';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { ams, record, type LeadSpec } from '@/tests/fixtures/lead-records';

// The minute tick against a real (in-memory) database and the fake browser's storage and
// notifications. The worker keeps nothing in memory between ticks, so calling runTick again
// is what a restarted worker does.

let db: LeadpaceDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('t-' + crypto.randomUUID());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const settingsWith = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, language: 'nl', ...over });

async function seed(specs: LeadSpec[]) {
  await db.leads.bulkPut(specs.map(record));
}

/** Runs one tick and answers the notifications it created, by id. */
async function tick(at: string, settings: Settings = settingsWith()): Promise<Record<string, { title?: string; message?: string }>> {
  const before = new Set(Object.keys(fakeBrowser.notifications.getAllCreateOptions()));
  await runTick({ db, settings, now: ams(at) });
  const all = fakeBrowser.notifications.getAllCreateOptions();
  return Object.fromEntries(Object.entries(all).filter(([id]) => !before.has(id)).map(([id, o]) => [id, { title: o.title, message: o.message }]));
}

const pacingOf = (created: Record<string, { title?: string; message?: string }>) =>
  Object.entries(created).filter(([id]) => id.startsWith('pacing:'));

/** `count` sales closed on Monday 2 March. */
const sales = (count: number): LeadSpec[] =>
  Array.from({ length: count }, (_, i) => ({ key: `sold-${i}`, received: '2026-03-02 09:30', status: 'sold', statusAt: '2026-03-02 11:00' }));

describe('month pacing nudges', () => {
  it('on the first business day says what the month needs, even for a target below the business days', async () => {
    // March 2026: 26 business days; the 10th is a Tuesday with 7 business days before it.
    const created = await tick('2026-03-02 09:01', settingsWith({ monthlyTarget: 5 }));
    expect(pacingOf(created)).toEqual([
      [
        'pacing:2026-03-02',
        {
          title: 'Deze maand: 5 verkopen in 26 werkdagen',
          message: 'Op schema ben je met ongeveer 1,3 verkopen op 10 maart. Op de 10e en de 20e hoor je alleen iets als je achterloopt.',
        },
      ],
    ]);
  });

  it('in English too', async () => {
    const created = await tick('2026-03-02 09:01', settingsWith({ monthlyTarget: 20, language: 'en' }));
    expect(pacingOf(created).map(([, n]) => n)).toEqual([
      {
        title: 'This month: 20 sales in 26 business days',
        message: 'On pace means about 5.4 sales by 10 March. On the 10th and the 20th you only hear from us when you are behind.',
      },
    ]);
  });

  it('never twice: not on a later tick, not after a worker restart, not after the notification was dismissed', async () => {
    const settings = settingsWith({ monthlyTarget: 5 });
    expect(pacingOf(await tick('2026-03-02 09:01', settings))).toHaveLength(1);
    await fakeBrowser.notifications.clear('pacing:2026-03-02');
    expect(pacingOf(await tick('2026-03-02 09:02', settings))).toEqual([]);
    expect(pacingOf(await tick('2026-03-02 16:30', settings))).toEqual([]);
    // What survives a restart is in storage.local.
    expect(await fakeBrowser.storage.local.get('nudgeDays')).toMatchObject({ nudgeDays: { pacingHandled: ['2026-03:start'] } });
  });

  it.each([
    { name: 'behind on the 10th', at: '2026-03-10 09:01', sold: 2, expected: ['Maandtempo: 2 van 20 verkocht', 'Verwacht tot vandaag: 5,4. In dit tempo eindig je op 7,4.'] },
    { name: 'on pace on the 10th (5 of ⌊5.4⌋)', at: '2026-03-10 09:01', sold: 5, expected: null },
    { name: 'behind on the 20th', at: '2026-03-20 09:01', sold: 8, expected: ['Maandtempo: 8 van 20 verkocht', 'Verwacht tot vandaag: 12,3. In dit tempo eindig je op 13,0.'] },
    { name: 'the 11th is no checkpoint', at: '2026-03-11 09:01', sold: 0, expected: null },
  ])('$name', async ({ at, sold, expected }) => {
    await seed(sales(sold));
    const created = pacingOf(await tick(at, settingsWith({ monthlyTarget: 20 })));
    expect(created.map(([, n]) => [n.title, n.message])).toEqual(expected ? [expected] : []);
  });

  it('a rep away on the first business day hears the month’s need on the next day they are in', async () => {
    const settings = settingsWith({ monthlyTarget: 5 });
    expect(pacingOf(await tick('2026-03-03 11:00', settings)).map(([id, n]) => [id, n.title])).toEqual([
      ['pacing:2026-03-03', 'Deze maand: 5 verkopen in 26 werkdagen'],
    ]);
    expect(pacingOf(await tick('2026-03-04 11:00', settings))).toEqual([]);
  });

  it('moves the day-10 check to the next business day when the 10th is closed', async () => {
    // May 2026: the 10th is a Sunday.
    const settings = settingsWith({ monthlyTarget: 20 });
    expect(pacingOf(await tick('2026-05-10 12:00', settings))).toEqual([]);
    expect(pacingOf(await tick('2026-05-11 09:01', settings)).map(([id]) => id)).toEqual(['pacing:2026-05-11']);
  });

  it('judges a checkpoint once, in the morning: not again when the afternoon tips it into behind', async () => {
    // 5 sold: on pace at opening on the 10th (⌊5.38⌋ = 5), behind by the afternoon (⌊6.1⌋ = 6).
    await seed(sales(5));
    const settings = settingsWith({ monthlyTarget: 20 });
    expect(pacingOf(await tick('2026-03-10 09:01', settings))).toEqual([]);
    expect(pacingOf(await tick('2026-03-10 17:30', settings))).toEqual([]);
  });

  it('no target, quiet mode, or outside opening hours: nothing', async () => {
    expect(pacingOf(await tick('2026-03-02 09:01', settingsWith({ monthlyTarget: 0 })))).toEqual([]);
    expect(pacingOf(await tick('2026-03-02 09:01', settingsWith({ monthlyTarget: 5, quietMode: true })))).toEqual([]);
    expect(pacingOf(await tick('2026-03-02 08:00', settingsWith({ monthlyTarget: 5 })))).toEqual([]);
    // The start checkpoint was not used up by those ticks.
    expect(pacingOf(await tick('2026-03-02 09:05', settingsWith({ monthlyTarget: 5 })))).toHaveLength(1);
  });

  it('a checkpoint an earlier version already handled today (it stored only the date) is not repeated', async () => {
    await fakeBrowser.storage.local.set({ nudgeDays: { summary: '2026-03-02', pacing: '2026-03-02' } });
    expect(pacingOf(await tick('2026-03-02 10:00', settingsWith({ monthlyTarget: 5 })))).toEqual([]);
  });

  it('the memory of last month does not block this month', async () => {
    await fakeBrowser.storage.local.set({ nudgeDays: { pacingHandled: ['2026-02:start', '2026-02:day10', '2026-02:day20'] } });
    expect(pacingOf(await tick('2026-03-02 09:01', settingsWith({ monthlyTarget: 5 })))).toHaveLength(1);
    expect(await fakeBrowser.storage.local.get('nudgeDays')).toMatchObject({ nudgeDays: { pacingHandled: ['2026-03:start'] } });
  });
});

describe('the badge', () => {
  it('turns blue while a new lead waits, however many are overdue, and its tooltip says what it counts', async () => {
    await seed([
      { key: 'old-1', received: '2026-03-09 11:00' },
      { key: 'old-2', received: '2026-03-09 12:00' },
      { key: 'fresh', received: '2026-03-10 10:02' },
    ]);
    await tick('2026-03-10 10:03');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x15, 0x65, 0xc0, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('Leadpace — 1 nieuw (eerst bellen) · 2 te laat');
    // Five minutes on, the new lead has missed its SLA too: red, and the tooltip follows.
    await tick('2026-03-10 10:08', settingsWith({ language: 'en' }));
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xc6, 0x28, 0x28, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('Leadpace — 3 overdue');
  });

  it('with nothing to do the badge is empty and the tooltip says so', async () => {
    await tick('2026-03-10 10:03');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Leadpace — er hoeft nu niets te gebeuren');
  });
});

describe('new leads first in notifications', () => {
  it('the morning summary counts the new leads, says to start with them, and opens the first of them', async () => {
    // Received overnight: their clock starts at 09:00, so at 09:01 they are new.
    await seed([
      { key: 'backlog', received: '2026-03-09 11:00' },
      { key: 'night', received: '2026-03-09 22:00' },
      { key: 'morning', received: '2026-03-10 07:45' },
    ]);
    const created = await tick('2026-03-10 09:01');
    const summary = Object.entries(created).filter(([id]) => id.startsWith('summary:'));
    expect(summary).toEqual([
      [
        'summary:2026-03-10:demo:night',
        {
          title: 'Goedemorgen: 3 leads hebben actie nodig',
          message: '2 nieuw, 1 te laat. De eerste minuten beslissen — begin bij de nieuwe leads.',
        },
      ],
    ]);
  });

  it('without new leads the summary says to start with the one waiting longest', async () => {
    await seed([{ key: 'backlog', received: '2026-03-09 11:00' }]);
    const created = await tick('2026-03-10 09:30', settingsWith({ language: 'en' }));
    expect(created['summary:2026-03-10:demo:backlog']).toEqual({
      title: 'Good morning: 1 lead needs action',
      message: '1 overdue. Start with the one waiting longest.',
    });
  });

  it('a grouped notification names a new lead, not the longest overdue one, and its click opens it', async () => {
    await seed([
      { key: 'old-1', received: '2026-03-06 10:00', name: 'Oud Een' },
      { key: 'old-2', received: '2026-03-06 11:00', name: 'Oud Twee' },
      { key: 'old-3', received: '2026-03-06 12:00', name: 'Oud Drie' },
      { key: 'fresh', received: '2026-03-10 10:02', name: 'Sanne de Vries' },
    ]);
    const created = await tick('2026-03-10 10:03');
    const group = Object.entries(created).filter(([id]) => id.startsWith('group:'));
    expect(group).toEqual([
      [`group:${ams('2026-03-10 10:03')}:demo:fresh`, { title: '4 leads hebben nu actie nodig', message: '1 nieuw — eerst Sanne de Vries (Website)' }],
    ]);
  });
});

describe("last month's report nudge", () => {
  const reportOf = (created: Record<string, { title?: string; message?: string }>) => Object.entries(created).filter(([id]) => id.startsWith('report:'));

  it('on the first business day announces last month’s report, once, and its id opens that period', async () => {
    await seed([
      { key: 'feb-1', received: '2026-02-10 10:00' },
      { key: 'feb-2', received: '2026-02-27 16:00' },
      { key: 'mar-1', received: '2026-03-02 08:30' },
    ]);
    expect(reportOf(await tick('2026-03-02 09:01'))).toEqual([
      [
        'report:2026-02-01:2026-02-28',
        {
          title: 'Het bronnenrapport van vorige maand staat klaar',
          message: 'februari 2026: 2 leads, conversie per bron, goed opgevolgd of niet. Klik om het te openen.',
        },
      ],
    ]);
    expect(reportOf(await tick('2026-03-02 09:02'))).toEqual([]);
    expect(reportOf(await tick('2026-03-03 09:01'))).toEqual([]);
    expect(await fakeBrowser.storage.local.get('nudgeDays')).toMatchObject({ nudgeDays: { report: '2026-03' } });
  });

  it('in English, and not in quiet mode', async () => {
    await seed([{ key: 'feb-1', received: '2026-02-10 10:00' }]);
    expect(reportOf(await tick('2026-03-02 09:01', settingsWith({ quietMode: true, language: 'en' })))).toEqual([]);
    expect(reportOf(await tick('2026-03-02 09:02', settingsWith({ language: 'en' }))).map(([, n]) => n.title)).toEqual(["Last month's source report is ready"]);
  });

  it('stays silent about a month without leads', async () => {
    await seed([{ key: 'mar-1', received: '2026-03-02 08:30' }]);
    expect(reportOf(await tick('2026-03-02 09:01'))).toEqual([]);
  });
});
