import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { businessDayAt, isOpenAt } from '../domain/business-time';
import { actionList } from '../domain/cadence';
import { planNudges, type NudgeLead, type PlannedNotification } from '../domain/nudges';
import { monthPacing, pacingCheckpoint } from '../domain/pacing';
import { openLeads } from '../db/queries';
import type { LeadpaceDb } from '../db/schema';
import { resolveLang, translator, type Translate } from '../i18n';
import { formatDuration } from '../i18n/format';
import { isMessageKey } from '../i18n';
import type { Settings } from '../settings';

// The minute tick: badge, notifications, start-of-day summary and the pacing nudge. All state
// it needs between runs lives in storage.local, because the worker may be stopped any time.

const notifiedItem = storage.defineItem<Record<string, number>>('local:notified', { fallback: {} });
const daysItem = storage.defineItem<{ summary?: string; pacing?: string }>('local:nudgeDays', { fallback: {} });
const notifiedSchema = z.record(z.string(), z.number()).catch({});
const daysSchema = z.object({ summary: z.string().optional(), pacing: z.string().optional() }).catch({});

const BADGE_COLORS = { red: '#c62828', orange: '#ef6c00' } as const;

export interface TickDeps {
  db: LeadpaceDb;
  settings: Settings;
  now: number;
}

export interface TickResult {
  badgeText: string;
  notified: string[];
}

const sourceName = (t: Translate, source: string) => {
  const key = `source.${source}`;
  return isMessageKey(key) ? t(key) : source;
};

async function notify(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    priority: 2,
  });
}

function describe(t: Translate, lang: 'nl' | 'en', planned: PlannedNotification, now: number): { title: string; message: string } {
  const name = planned.lead.name ?? t('nudge.unknownName');
  const source = sourceName(t, planned.lead.source);
  if (planned.kind === 'group') {
    return { title: t('nudge.group.title', { count: planned.count }), message: t('nudge.group.body', { name, source }) };
  }
  const state = planned.state;
  const title =
    state.state === 'overdue'
      ? t('nudge.overdue.title', { name })
      : state.stepIndex === 0
        ? t('nudge.new.title', { name })
        : t('nudge.due.title', { name, step: state.stepIndex + 1 });
  const channel = t(`channel.${state.nextChannel ?? 'call'}`);
  return { title, message: t('nudge.body', { source, channel, age: formatDuration(now - planned.lead.receivedAt, lang) }) };
}

/** One tick. Reads only open leads (an index range): closed leads cost nothing here. */
export async function runTick({ db, settings, now }: TickDeps): Promise<TickResult> {
  const leads = await openLeads(db);
  const nudgeLeads: NudgeLead[] = leads.map((l) => ({
    key: l.key,
    name: l.name,
    source: l.source,
    receivedAt: l.receivedAt,
    status: l.status,
    attempts: l.attemptLog ?? [],
  }));
  const actions = actionList(nudgeLeads, settings.cadence, settings.openingHours, now);
  const open = isOpenAt(now, settings.openingHours);
  const plan = planNudges({
    actions,
    notified: notifiedSchema.parse(await notifiedItem.getValue()),
    now,
    mayNotify: open && !settings.quietMode,
  });

  await browser.action.setBadgeText({ text: plan.badgeText });
  if (plan.badgeColor !== 'none') await browser.action.setBadgeBackgroundColor({ color: BADGE_COLORS[plan.badgeColor] });

  const lang = resolveLang(settings.language, globalThis.navigator?.language);
  const t = translator(lang);
  for (const planned of plan.notifications) {
    const { title, message } = describe(t, lang, planned, now);
    // A group's click opens its most urgent lead, so that lead's key travels in the id.
    const id = planned.kind === 'group' ? `group:${now}:${planned.leadKeys[0] ?? ''}` : planned.id;
    await notify(id, title, message);
  }
  await notifiedItem.setValue(plan.notified);

  if (open && !settings.quietMode) await dailyNudges({ db, settings, now }, t, actions.length, actions.filter((a) => a.state.state === 'overdue').length, actions[0]?.lead.key);
  return { badgeText: plan.badgeText, notified: plan.notifications.map((n) => n.id) };
}

/** The start-of-day summary and the month-pacing checkpoints, each at most once a day. */
async function dailyNudges(deps: TickDeps, t: Translate, count: number, overdue: number, firstKey: string | undefined) {
  const { db, settings, now } = deps;
  const today = businessDayAt(now, settings.openingHours).date;
  const days = daysSchema.parse(await daysItem.getValue());
  const next = { ...days };
  if (days.summary !== today && count > 0) {
    await notify(`summary:${today}:${firstKey ?? ''}`, t('nudge.summary.title', { count }), t('nudge.summary.body', { overdue }));
    next.summary = today;
  } else if (days.summary !== today) {
    next.summary = today;
  }
  const checkpoint = pacingCheckpoint(now, settings.openingHours);
  if (checkpoint && settings.monthlyTarget > 0 && days.pacing !== today) {
    const sold = (await db.leads.where('status').equals('sold').toArray()).flatMap((l) => (l.soldAt === null ? [] : [l.soldAt]));
    const pacing = monthPacing({ target: settings.monthlyTarget, soldDates: sold, now, hours: settings.openingHours });
    if (pacing.behind) {
      await notify(
        `pacing:${today}`,
        t('nudge.pacing.title', { sold: pacing.sold, target: settings.monthlyTarget }),
        t('nudge.pacing.body', { expected: pacing.expectedByToday.toFixed(1), projection: pacing.projection.toFixed(1) }),
      );
    }
    next.pacing = today;
  }
  if (next.summary !== days.summary || next.pacing !== days.pacing) await daysItem.setValue(next);
}

/** The lead a notification points at, if any: `lead:<key>`, `group:<ts>:<key>`, `summary:<day>:<key>`. */
export function leadKeyOfNotification(id: string): string | null {
  if (id.startsWith('lead:')) return id.slice('lead:'.length) || null;
  const match = /^(?:group|summary):[^:]+:(.+)$/.exec(id);
  return match?.[1] ?? null;
}
