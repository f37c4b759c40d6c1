import { useStore } from 'zustand';
import type { PanelStore } from '@/lib/content/panel-store';
import type { SnapshotField } from '@/lib/domain/model';
import type { OpeningHours } from '@/lib/domain/business-time';
import { businessDurationMs } from '@/lib/domain/business-time';
import type { CadenceSettings } from '@/lib/domain/cadence';
import { formatDateTime, formatDuration } from '@/lib/i18n/format';
import { useI18n } from '../ui/i18n';
import { sourceLabel } from '../ui/labels';
import { useNow } from '../ui/use-now';
import { AttemptList } from './AttemptList';
import { AttemptLogger } from './AttemptLogger';
import { CallScriptView } from './CallScriptView';
import { ErrorNotice } from './ErrorNotice';
import { SlaSummary } from './SlaSummary';
import { StatusControl } from './StatusControl';
import { NoteField } from './NoteField';
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

  const name = view?.name ?? snapshot?.name;
  const source = view?.source ?? snapshot?.source ?? 'other';
  const attemptCount = view?.attemptCount ?? 0;
  const age = view ? formatDuration(businessDurationMs(view.receivedAt, now, hours), lang) : '…';

  if (collapsed) {
    return (
      <button type="button" className="lp-pill" data-testid="panel-expand" aria-label={t('panel.expand')} title={t('panel.shortcutHint')} onClick={onToggle}>
        {t('app.name')} · <span data-testid="lead-age">{age}</span> · <span data-testid="attempt-count">{attemptCount}</span>
      </button>
    );
  }

  const missing = snapshot?.missing ?? [];
  return (
    <section className="lp" aria-label={t('panel.title')}>
      <header className="lp-head">
        <span className="lp-logo">{t('app.name')}</span>
        <span className="lp-spacer" />
        <button type="button" className="lp-icon-btn" data-testid="panel-collapse" aria-label={t('panel.collapse')} title={t('panel.shortcutHint')} onClick={onToggle}>
          —
        </button>
      </header>
      <div className="lp-body">
        {error ? <ErrorNotice code={error.code} reason={error.reason} /> : null}
        <div>
          <h2 className="lp-name" data-testid="lead-name">
            {name ?? t('panel.unknownName')}
          </h2>
          <div className="lp-row">
            <span className="lp-badge" data-testid="lead-source" data-source={source}>
              {sourceLabel(t, source)}
            </span>
            {view?.vehicle ?? snapshot?.vehicle ? <span className="lp-muted">{view?.vehicle ?? snapshot?.vehicle}</span> : null}
          </div>
        </div>
        {missing.length > 0 ? (
          <p className="lp-warn" data-testid="missing-fields">
            {t('panel.couldNotRead', { fields: missing.map((f) => t(FIELD_KEYS[f])).join(', ') })}
          </p>
        ) : null}
        {view ? (
          <>
            <SlaSummary view={view} cadence={cadence} hours={hours} now={now} host={host} />
            <p className="lp-muted" style={{ margin: 0 }} title={view.receivedAtKnown ? undefined : t('panel.receivedFirstSeen')}>
              {t('panel.received')} {formatDateTime(view.receivedAt, lang, now, hours.timeZone)}
              {view.receivedAtKnown ? '' : ` * ${t('panel.receivedFirstSeen')}`}
            </p>
          </>
        ) : (
          <p className="lp-muted" style={{ margin: 0 }}>
            <span data-testid="lead-age">…</span> {t('panel.loading')}
          </p>
        )}
        {view ? (
          <>
            <StatusControl
              view={view}
              disabled={busy}
              closeAfterAttempts={cadence.closeAfterAttempts}
              onChange={(status, reason) => void changeStatus(store, ask, status, reason)}
            />
            <div>
              <p className="lp-section-title">
                {t('panel.attempts')}: <span data-testid="attempt-count">{attemptCount}</span>
              </p>
              <AttemptList attempts={view.attempts} now={now} />
            </div>
            <div className="lp-row">
              <AttemptLogger
                store={store}
                onLog={(channel, outcome) =>
                  void logAttempt(store, ask, channel, outcome, t('panel.logged', { channel: t(`channel.${channel}`), outcome: t(`outcome.${outcome}`) }))
                }
              />
              {view.undoableAttemptId ? (
                <button type="button" className="lp-secondary" data-testid="undo-attempt" disabled={busy} onClick={() => void undoAttempt(store, ask, t('panel.undone'))}>
                  {t('panel.undo')}
                </button>
              ) : null}
            </div>
            {notice ? (
              <p className="lp-notice" role="status" data-testid="panel-notice">
                {notice}
              </p>
            ) : null}
            <NoteField key={`${view.key}\n${view.note}`} note={view.note} onSave={(text) => void saveNote(store, ask, text, t('panel.noteSaved'))} />
            <CallScriptView view={view} repName={repName} dealerName={dealerName} onScriptShown={(script) => store.setState({ activeScript: script })} />
          </>
        ) : null}
      </div>
    </section>
  );
}
