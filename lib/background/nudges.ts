import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { businessDayAt, isOpenAt } from '../domain/business-time';
import { actionList, type ActionItem } from '../domain/cadence';
import { planNudges, type NudgeLead, type NudgePlan, type PlannedNotification } from '../domain/nudges';
import { pendingPacingCheckpoint, planPacingNudge, type PacingNudge } from '../domain/pacing-nudges';
import { pendingReportNudge, reportNotificationId } from '../domain/report-nudge';
import { needsNudging } from '../domain/backlog';
import { openLeads } from '../db/queries';
import type { LeadpaceDb } from '../db/schema';
import { resolveLang, translator, type Lang, type Translate } from '../i18n';
import { formatDuration } from '../i18n/format';
import { formatDecimal } from '../i18n/numbers';
import { isMessageKey } from '../i18n';
import type { Settings } from '../settings';
import '../i18n/messages/common';
import '../i18n/messages/nudges';

// The minute tick: badge, notifications, start-of-day summary and the pacing nudge. All state
// it needs between runs lives in storage.local, because the worker may be stopped any time.

const notifiedItem = storage.defineItem<Record<string, number>>('local:notified', { fallback: {} });
const daysSchema = z
  .object({
    /** The local date of the last start-of-day summary. */
    summary: z.string().optional(),
    /** The local date of the last pacing checkpoint handled (before `pacingHandled` existed). */
    pacing: z.string().optional(),
    /** This month's pacing checkpoints already handled, `YYYY-MM:checkpoint` (see planPacingNudge). */
    pacingHandled: z.array(z.string()).optional(),
    /** The month (`YYYY-MM`) whose "last month's report is ready" was handled. */
    report: z.string().optional(),
  })
  .catch({});
type NudgeDays = z.infer<typeof daysSchema>;
const daysItem = storage.defineItem<NudgeDays>('local:nudgeDays', { fallback: {} });
const notifiedSchema = z.record(z.string(), z.number()).catch({});

const BADGE_COLORS = { blue: '#1565c0', red: '#c62828', orange: '#ef6c00' } as const;

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

function describe(t: Translate, lang: Lang, planned: PlannedNotification, now: number): { title: string; message: string } {
  const name = planned.lead.name ?? t('nudge.unknownName');
  const source = sourceName(t, planned.lead.source);
  if (planned.kind === 'group') {
    const message =
      planned.newCount > 0 ? t('nudge.group.bodyNew', { newCount: planned.newCount, name, source }) : t('nudge.group.body', { name, source });
    return { title: t('nudge.group.title', { count: planned.count }), message };
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

/** The toolbar button's tooltip: what the badge's number and colour stand for. */
function badgeTitle(t: Translate, counts: NudgePlan['counts']): string {
  const parts = [
    counts.new > 0 ? t('nudge.badge.new', { count: counts.new }) : null,
    counts.overdue > 0 ? t('nudge.badge.overdue', { count: counts.overdue }) : null,
    counts.due > 0 ? t('nudge.badge.due', { count: counts.due }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? `Leadpace — ${parts.join(' · ')}` : t('nudge.badge.none');
}

/** One tick. Reads only open leads (an index range): closed leads cost nothing here. */
export async function runTick({ db, settings, now }: TickDeps): Promise<TickResult> {
  // Backlog nobody has touched is not nudged one by one, nor in the badge (see needsNudging).
  const leads = (await openLeads(db)).filter(needsNudging);
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

  const lang = resolveLang(settings.language, globalThis.navigator?.language);
  const t = translator(lang);
  await browser.action.setBadgeText({ text: plan.badgeText });
  if (plan.badgeColor !== 'none') await browser.action.setBadgeBackgroundColor({ color: BADGE_COLORS[plan.badgeColor] });
  await browser.action.setTitle({ title: badgeTitle(t, plan.counts) });
  for (const planned of plan.notifications) {
    const { title, message } = describe(t, lang, planned, now);
    // A group's click opens its most urgent lead, so that lead's key travels in the id.
    const id = planned.kind === 'group' ? `group:${now}:${planned.leadKeys[0] ?? ''}` : planned.id;
    await notify(id, title, message);
  }
  await notifiedItem.setValue(plan.notified);

  if (open && !settings.quietMode) await dailyNudges({ db, settings, now }, t, lang, actions);
  return { badgeText: plan.badgeText, notified: plan.notifications.map((n) => n.id) };
}

const LOCALES = { nl, en: enGB } as const;

function describePacing(t: Translate, lang: Lang, nudge: PacingNudge, timeZone: string): { title: string; message: string } {
  if (nudge.checkpoint === 'start') {
    const title = t('nudge.pacing.start.title', { target: nudge.target, days: nudge.businessDaysInMonth });
    if (!nudge.byDay10) return { title, message: t('nudge.pacing.start.bodyNoDay10') };
    const date = format(nudge.byDay10.at, 'd MMMM', { locale: LOCALES[lang], in: tz(timeZone) });
    return { title, message: t('nudge.pacing.start.body', { expected: formatDecimal(nudge.byDay10.expected, lang), date }) };
  }
  return {
    title: t('nudge.pacing.title', { sold: nudge.sold, target: nudge.target }),
    message: t('nudge.pacing.body', { expected: formatDecimal(nudge.expectedByToday, lang), projection: formatDecimal(nudge.projection, lang) }),
  };
}

/**
 * The start-of-day summary (once a local day) and the month-pacing checkpoints (each once a
 * month, see planPacingNudge). Called only inside opening hours and outside quiet mode.
 */
async function dailyNudges(deps: TickDeps, t: Translate, lang: Lang, actions: readonly ActionItem<NudgeLead>[]) {
  const { db, settings, now } = deps;
  const today = businessDayAt(now, settings.openingHours).date;
  const days = daysSchema.parse(await daysItem.getValue());
  const next: NudgeDays = { ...days };
  if (days.summary !== today) {
    if (actions.length > 0) {
      const newCount = actions.filter((a) => a.state.state === 'new').length;
      const overdue = actions.filter((a) => a.state.state === 'overdue').length;
      const body = newCount > 0 ? t('nudge.summary.bodyNew', { newCount, overdue }) : t('nudge.summary.body', { overdue });
      // Its click opens the first lead of the list: a new one when there is one.
      const title = actions.length === 1 ? t('nudge.summary.titleOne') : t('nudge.summary.title', { count: actions.length });
      await notify(`summary:${today}:${actions[0]?.lead.key ?? ''}`, title, body);
    }
    next.summary = today;
  }
  // Sales are read only when a checkpoint is to be judged. A checkpoint handled on this day by
  // a version that kept only the date counts as handled.
  const handled = days.pacingHandled ?? [];
  const pending = pendingPacingCheckpoint({ target: settings.monthlyTarget, now, hours: settings.openingHours, handled });
  if (pending !== null && days.pacing !== today) {
    const sold = (await db.leads.where('status').equals('sold').toArray()).flatMap((l) => (l.soldAt === null ? [] : [l.soldAt]));
    const plan = planPacingNudge({
      target: settings.monthlyTarget,
      soldDates: sold,
      now,
      hours: settings.openingHours,
      handled,
    });
    if (plan.nudge) {
      const { title, message } = describePacing(t, lang, plan.nudge, settings.openingHours.timeZone);
      await notify(`pacing:${today}`, title, message);
    }
    next.pacingHandled = plan.handled;
  }
  // Last month's report: its leads are counted (an index range) only on the days it may speak.
  const report = pendingReportNudge({ now, hours: settings.openingHours, handledMonth: days.report });
  if (report) {
    const leads = await db.leads.where('receivedAt').between(report.range.from, report.range.to, true, false).count();
    if (leads > 0) {
      const month = format(report.range.from, 'MMMM yyyy', { locale: LOCALES[lang], in: tz(settings.openingHours.timeZone) });
      await notify(reportNotificationId(report.range), t('nudge.report.title'), t('nudge.report.body', { month, leads }));
    }
    next.report = report.month;
  }
  const changed = next.summary !== days.summary || next.report !== days.report || (next.pacingHandled ?? []).join() !== handled.join();
  if (changed) await daysItem.setValue(next);
}

/** The lead a notification points at, if any: `lead:<key>`, `group:<ts>:<key>`, `summary:<day>:<key>`. */
export function leadKeyOfNotification(id: string): string | null {
  if (id.startsWith('lead:')) return id.slice('lead:'.length) || null;
  const match = /^(?:group|summary):[^:]+:(.+)$/.exec(id);
  return match?.[1] ?? null;
}
