import { useStore } from 'zustand';
import type { PanelStore } from '@/lib/content/panel-store';
import type { SnapshotField } from '@/lib/domain/model';
import type { OpeningHours } from '@/lib/domain/business-time';
import { businessDurationMs } from '@/lib/domain/business-time';
import type { CadenceSettings } from '@/lib/domain/cadence';
import { useState } from 'react';
import { PANEL_COMMANDS, SHORTCUTS_PAGE } from '@/lib/content/panel-commands';
import { formatDuration, formatInteger } from '@/lib/i18n/format';
import { useI18n } from '../ui/i18n';
import { sourceLabel } from '../ui/labels';
import { useNow } from '../ui/use-now';
import { AttemptLogger } from './AttemptLogger';
import { CallScriptView, SCRIPT_SECTION_ID } from './CallScriptView';
import { ErrorNotice } from './ErrorNotice';
import { ZoneNotice } from './ZoneNotice';
import { dismissZoneNotice } from '@/lib/content/zone-notice';
import { DETAILS_SECTION_ID, LeadDetails } from './LeadDetails';
import { SlaSummary } from './SlaSummary';
import { StatusControl } from './StatusControl';
import { usePanelPosition } from './use-panel-position';
import { changeStatus, logAttempt, saveNote, undoAttempt, type Ask } from './panel-actions';

interface Props {
  store: PanelStore;
  ask: Ask;
  repName: string;
  dealerName: string;
  cadence: CadenceSettings;
  hours: OpeningHours;
  host?: HTMLElement;
  onToggle: () => void;
}

const FIELD_KEYS: Record<SnapshotField, `panel.field.${SnapshotField}`> = {
  name: 'panel.field.name',
  phone: 'panel.field.phone',
  source: 'panel.field.source',
  vehicle: 'panel.field.vehicle',
  receivedAt: 'panel.field.receivedAt',
  status: 'panel.field.status',
};

export function Panel({ store, ask, repName, dealerName, cadence, hours, host, onToggle }: Props) {
  const { t, lang } = useI18n();
  const now = useNow();
  const snapshot = useStore(store, (s) => s.snapshot);
  const view = useStore(store, (s) => s.view);
  const error = useStore(store, (s) => s.error);
  const collapsed = useStore(store, (s) => s.collapsed);
  const busy = useStore(store, (s) => s.busy);
  const notice = useStore(store, (s) => s.notice);
  const zoneNotice = useStore(store, (s) => s.zoneNotice);
  // Compact by default: the panel must leave the CRM readable; script and details on demand.
  const [scriptOpen, setScriptOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const position = usePanelPosition(snapshot?.crm, host);

  const name = view?.name ?? snapshot?.name;
  const source = view?.source ?? snapshot?.source ?? 'other';
  const attemptCount = view?.attemptCount ?? 0;
  const age = view ? formatDuration(businessDurationMs(view.receivedAt, now, hours), lang) : '…';
  const place = <style>{position.css}</style>;

  if (collapsed) {
    return (
      <>
        {place}
        <button type="button" className="lp-pill" data-testid="panel-expand" aria-label={t('panel.expand')} title={t('panel.shortcutHint')} onClick={onToggle}>
          {t('app.name')} · <span data-testid="lead-age">{age}</span> · <span data-testid="attempt-count">{attemptCount}</span>
        </button>
      </>
    );
  }

  const missing = snapshot?.missing ?? [];
  const opened = scriptOpen || detailsOpen;
  const hint = { page: SHORTCUTS_PAGE, key: PANEL_COMMANDS['log-attempt'], focusKey: PANEL_COMMANDS['focus-panel'] };
  return (
    <section className={opened ? 'lp lp-open' : 'lp'} aria-label={t('panel.title')} data-testid="panel" tabIndex={-1}>
      {place}
      <header className="lp-head" data-testid="panel-header" title={t('panel.dragHint', hint)} {...position.handle}>
        <button type="button" className="lp-grip" data-testid="panel-move" aria-label={t('panel.move')} title={t('panel.moveHint')} {...position.grip}>
          ⠿
        </button>
        <span className="lp-logo">{t('app.name')}</span>
        <span className="lp-spacer" />
        {view ? (
          <>
            <button
              type="button"
              className="lp-icon-btn"
              data-testid="toggle-script"
              aria-expanded={scriptOpen}
              aria-controls={SCRIPT_SECTION_ID}
              onClick={() => setScriptOpen((open) => !open)}
            >
              {t('panel.scriptToggle')}
            </button>
            <button
              type="button"
              className="lp-icon-btn"
              data-testid="toggle-details"
              aria-expanded={detailsOpen}
              aria-controls={DETAILS_SECTION_ID}
              onClick={() => setDetailsOpen((open) => !open)}
            >
              {t('panel.details')}
            </button>
          </>
        ) : null}
        <button type="button" className="lp-icon-btn" data-testid="panel-collapse" aria-label={t('panel.collapse')} title={t('panel.shortcutHint')} onClick={onToggle}>
          —
        </button>
      </header>
      <div className="lp-body">
        {error ? <ErrorNotice code={error.code} reason={error.reason} /> : null}
        {zoneNotice ? (
          <ZoneNotice
            notice={zoneNotice}
            onDismiss={() => {
              store.setState({ zoneNotice: null });
              void dismissZoneNotice(zoneNotice).catch(() => undefined);
            }}
          />
        ) : null}
        <div className="lp-row lp-who">
          <h2 className="lp-name" data-testid="lead-name" title={name}>
            {name ?? t('panel.unknownName')}
          </h2>
          <span className="lp-badge" data-testid="lead-source" data-source={source}>
            {sourceLabel(t, source)}
          </span>
          {view?.vehicle ?? snapshot?.vehicle ? <span className="lp-muted lp-vehicle">{view?.vehicle ?? snapshot?.vehicle}</span> : null}
        </div>
        {missing.length > 0 ? (
          <p className="lp-warn" data-testid="missing-fields">
            {t('panel.couldNotRead', { fields: missing.map((f) => t(FIELD_KEYS[f])).join(', ') })}
          </p>
        ) : null}
        {view ? (
          <>
            <SlaSummary view={view} cadence={cadence} hours={hours} now={now} host={host} />
            <div className="lp-row lp-actions">
              <AttemptLogger
                store={store}
                hint={t('panel.logAttemptHint', hint)}
                onLog={(channel, outcome) =>
                  void logAttempt(store, ask, channel, outcome, t('panel.logged', { channel: t(`channel.${channel}`), outcome: t(`outcome.${outcome}`) }))
                }
              />
              {view.undoableAttemptId ? (
                <button
                  type="button"
                  className="lp-secondary"
                  data-testid="undo-attempt"
                  title={t('panel.undo')}
                  disabled={busy}
                  onClick={() => void undoAttempt(store, ask, t('panel.undone'))}
                >
                  {t('panel.undoShort')}
                </button>
              ) : null}
              <span className="lp-spacer" />
              <span className="lp-muted">
                {t('panel.attempts')}: <span className="lp-count" data-testid="attempt-count">{formatInteger(attemptCount, lang)}</span>
              </span>
            </div>
            {notice ? (
              <p className="lp-notice" role="status" data-testid="panel-notice">
                {notice}
              </p>
            ) : null}
            <StatusControl
              view={view}
              disabled={busy}
              closeAfterAttempts={cadence.closeAfterAttempts}
              onChange={(status, reason) => void changeStatus(store, ask, status, reason)}
            />
            <LeadDetails
              view={view}
              cadence={cadence}
              hours={hours}
              now={now}
              open={detailsOpen}
              onSaveNote={(text) => void saveNote(store, ask, text, t('panel.noteSaved'))}
            />
            <CallScriptView
              view={view}
              repName={repName}
              dealerName={dealerName}
              open={scriptOpen}
              onScriptShown={(script) => store.setState({ activeScript: script })}
            />
          </>
        ) : (
          <p className="lp-muted lp-flush">
            <span data-testid="lead-age">…</span> {t('panel.loading')}
          </p>
        )}
      </div>
    </section>
  );
}
