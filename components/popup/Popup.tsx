import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { dayBounds } from '@/lib/domain/metrics';
import { decodePlanRow, planFingerprint, rankPlannedLeads, type PlanRow } from '@/lib/domain/popup-plan';
import { rankSummaryLeads, summaryTodayStats } from '@/lib/domain/popup-summary-read';
import { monthPacing } from '@/lib/domain/pacing';
import type { Settings } from '@/lib/settings-schema';
import type { Result } from '@/lib/messaging';
import { useI18n } from '../ui/i18n';
import { useNow } from '../ui/use-now';
import { useStoredSettings } from '../ui/use-settings';
import type { PermissionsApi } from '../options/CrmPermissions';
import { splitBacklog } from '@/lib/domain/backlog';
import type { AddCrmAccess } from './AddMyCrm';
import { BacklogGroup } from './BacklogGroup';
import type { CaptureAccess } from './CapturePage';
import type { DriftAccess } from './DriftNotice';
import { AddMyCrm, CapturePage, DriftNotice, EnableCrmPrompt, TeamSection } from './lazy-sections';
import { NowSection } from './NowSection';
import { PacingSection } from './PacingSection';
import { LeadRow } from './LeadRow';
import { createPopupStore } from './popup-store';
import { TodaySection } from './TodaySection';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useManagerPopup } from './use-manager-popup';
import { usePopupData, type DirectSummaryRead, type PopupData, type PopupDbSource } from './use-popup-data';
import '@/lib/i18n/messages/report-nav';

/** Rows rendered at first, and added per "show more". */
const PAGE = 30;
/**
 * "My leads" rows in the popup's first frame. Below the eight Now rows only the first few fit in
 * the 600 px window; React's first commit of all 30 was the largest task before the first paint,
 * so the rest follow in the next task, after that frame.
 */
const FIRST_FRAME_ROWS = 6;

export interface PopupProps {
  /** The database, or its promise while Dexie's code loads (the first screen reads without it). */
  db: PopupDbSource;
  /** Reads the summary without Dexie (readSummaryDirect); Dexie's own read otherwise. */
  directRead?: DirectSummaryRead;
  /** Asks the background to focus or open the lead's CRM tab (`lead/open`). */
  openLead: (leadKey: string) => Promise<Result<{ tabId: number }>>;
  closeWindow: () => void;
  openOptions: () => void;
  /** Fixed time for tests; the live clock otherwise. */
  now?: number;
  timeZone?: string;
  /** Settings for tests; the stored (live) settings otherwise. */
  settings?: Settings;
  /** The active tab's URL and the permissions API, for the one-click "enable this CRM". */
  crmAccess?: { currentUrl: () => Promise<string | undefined>; permissions: PermissionsApi };
  /** The active tab and `scripting.executeScript`, for "Capture this page". */
  pageCapture?: CaptureAccess;
  /** "Add my CRM" on a site no adapter knows: the active tab, its permission, the picker. */
  addCrm?: AddCrmAccess;
  /** Adapter health, for the one-time notice that a CRM's pages seem to have changed. */
  drift?: DriftAccess;
}

export function Popup({ db, directRead, openLead, closeWindow, openOptions, now: fixedNow, timeZone, settings: fixedSettings, crmAccess, pageCapture, addCrm, drift }: PopupProps) {
  const { t } = useI18n();
  const liveNow = useNow();
  const now = fixedNow ?? liveNow;
  const liveSettings = useStoredSettings();
  const settings = fixedSettings ?? liveSettings;
  // Only the day's start feeds the query, so the 15 s clock tick does not re-run it.
  const dayStart = dayBounds(now, timeZone).start;
  const [withOpen, setWithOpen] = useState(false);
  const data = usePopupData(db, dayStart, directRead, withOpen);
  const fingerprint = useMemo(() => (settings ? planFingerprint(settings.cadence, settings.openingHours) : null), [settings]);
  const plan = data?.ok && data.plan?.fingerprint === fingerprint ? data.plan : null;
  // Plans made with other settings (just changed, the background is making new ones) rank
  // nothing: read the open leads too and rank them here (set during render: React re-renders
  // at once, before painting the loading line).
  const needsOpen = data?.ok === true && fingerprint !== null && plan === null && data.open === null;
  if (needsOpen && !withOpen) setWithOpen(true);
  const [store] = useState(createPopupStore);
  const [captureRequest, setCaptureRequest] = useState(0);
  const openingKey = useStore(store, (s) => s.openingKey);
  const openError = useStore(store, (s) => s.openError);
  // A manager's popup opens on the team: their own browser rarely holds leads of its own.
  // Everything but the rep's own leads and figures waits for them to be painted: their code
  // loads after.
  const firstScreen = useAfterFirstPaint(data !== undefined);
  const manager = useManagerPopup(firstScreen);

  const open = (leadKey: string) => {
    const ui = store.getState();
    ui.startOpening(leadKey);
    openLead(leadKey)
      .then((result) => {
        if (result.ok) {
          ui.finishOpening();
          closeWindow();
        } else {
          ui.failOpening(t('popup.openFailed', { reason: result.reason }));
        }
      })
      .catch(() => ui.failOpening(t('popup.noBackground')));
  };

  return (
    <div className="pp">
      <header className="pp-head">
        <span className="pp-logo">{t('popup.title')}</span>
        <a className="pp-link" data-testid="open-report" href="/report.html" target="_blank" rel="noreferrer">{t('report.nav.source')}</a>
        <button type="button" className="pp-link" data-testid="open-options" onClick={openOptions}>
          {t('popup.settings')}
        </button>
      </header>
      {firstScreen && drift ? <DriftNotice access={drift} onCapture={pageCapture ? () => setCaptureRequest((n) => n + 1) : undefined} /> : null}
      {firstScreen && crmAccess ? <EnableCrmPrompt currentUrl={crmAccess.currentUrl} permissions={crmAccess.permissions} /> : null}
      {manager && settings !== null ? <TeamSection db={db} now={now} settings={settings} onConnect={openOptions} /> : null}
      <PopupBody
        data={data}
        plan={plan}
        now={now}
        timeZone={timeZone}
        settings={settings}
        openingKey={openingKey}
        openError={openError}
        onOpen={open}
        onSetTarget={openOptions}
      />
      {/* Only once the body has its data: the first screen never waits for the board. */}
      {!manager && firstScreen && settings !== null ? <TeamSection db={db} now={now} settings={settings} onConnect={openOptions} /> : null}
      {firstScreen && addCrm ? <AddMyCrm access={addCrm} closeWindow={closeWindow} /> : null}
      {firstScreen && pageCapture ? <CapturePage access={pageCapture} request={captureRequest} /> : null}
    </div>
  );
}

function PopupBody({
  data,
  plan,
  now,
  timeZone,
  settings,
  openingKey,
  openError,
  onOpen,
  onSetTarget,
}: {
  data: PopupData | undefined;
  /** The background's plans, when made with these settings. */
  plan: PlanRow | null;
  now: number;
  timeZone?: string;
  settings: Settings | null;
  openingKey: string | null;
  openError: string | null;
  onOpen: (leadKey: string) => void;
  onSetTarget: () => void;
}) {
  const { t } = useI18n();
  // Thousands of rows would make the popup slow to open; the most urgent come first anyway.
  const [shown, setShown] = useState(PAGE);
  const planned = useMemo(() => (plan ? decodePlanRow(plan) : null), [plan]);
  // From the background's plans, ranking is a few comparisons per lead; without them it runs
  // the cadence engine for every open lead. Once per data change, settings change or clock
  // tick, not once per render.
  const ranked = useMemo(() => {
    if (!data?.ok || !settings) return null;
    if (planned) return rankPlannedLeads(planned, now, settings.openingHours);
    return data.open ? rankSummaryLeads(data.open, now, settings.cadence, settings.openingHours) : null;
  }, [data, planned, now, settings]);
  const firstFramePainted = useAfterFirstPaint(data?.ok === true && ranked !== null);
  // Without usable plans the open leads are still on their way (see needsOpen).
  if (data === undefined || settings === null || (data.ok && ranked === null)) {
    return (
      <p className="pp-muted pp-pad" data-testid="popup-loading">
        {t('popup.loading')}
      </p>
    );
  }
  if (!data.ok) {
    return (
      <p className="pp-error pp-pad" role="alert" data-testid="db-error">
        {t('error.db', { reason: data.reason })}
      </p>
    );
  }
  const hours = settings.openingHours;
  // Untouched backlog is one collapsed group, not rows in Now and My leads.
  const { active, backlog } = splitBacklog(ranked ?? []);
  const leads = active.map((r) => r.lead);
  const stats = summaryTodayStats({ leads: data.todayLeads, attempts: data.todayAttempts, now, timeZone, hours });
  const pacing = settings.monthlyTarget > 0 ? monthPacing({ target: settings.monthlyTarget, soldDates: data.soldDates, now, hours }) : null;
  return (
    <main className="pp-body">
      <NowSection ranked={active} openingKey={openingKey} onOpen={onOpen} />
      <section className="pp-section" aria-labelledby="pp-leads-title">
        <h2 className="pp-section-title" id="pp-leads-title">
          {t('popup.myLeads')}
          {leads.length > 0 ? <span className="pp-count">{t('popup.openCount', { count: leads.length })}</span> : null}
        </h2>
        {openError ? (
          <p className="pp-error" role="alert" data-testid="open-error">
            {openError}
          </p>
        ) : null}
        <div data-testid="my-leads">
          {leads.length === 0 && backlog.length === 0 ? (
            <div className="pp-empty" data-testid="empty-leads">
              <p className="pp-empty-title">{t('popup.empty.title')}</p>
              <p>{t('popup.empty.body')}</p>
              <p className="pp-muted">{t('popup.empty.crmHint')}</p>
            </div>
          ) : (
            <ul className="pp-rows">
              {leads.slice(0, firstFramePainted ? shown : Math.min(shown, FIRST_FRAME_ROWS)).map((lead) => (
                <LeadRow
                  key={lead.key}
                  lead={lead}
                  now={now}
                  opening={openingKey === lead.key}
                  disabled={openingKey !== null}
                  onOpen={onOpen}
                />
              ))}
            </ul>
          )}
          {leads.length > shown ? (
            <button type="button" className="pp-more" data-testid="show-more" onClick={() => setShown(shown + PAGE)}>
              {t('popup.showMore', { shown, total: leads.length })}
            </button>
          ) : null}
          <BacklogGroup leads={backlog.map((r) => r.lead)} now={now} openingKey={openingKey} onOpen={onOpen} />
        </div>
      </section>
      <TodaySection stats={stats} />
      <PacingSection pacing={pacing} target={settings.monthlyTarget} onSetTarget={onSetTarget} />
    </main>
  );
}
