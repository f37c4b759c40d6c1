import { needsNudging } from '@/lib/domain/backlog';
import type { RankedPopupLead } from '@/lib/domain/popup-summary-read';
import { formatDuration } from '@/lib/i18n/numbers';
import { useI18n } from '../ui/i18n';
import { sourceLabel } from '../ui/labels';
import { removedDetailsLabel } from '@/lib/privacy/removed-label';
import '@/lib/i18n/messages/popup';

/** The most urgent few; the rest are counted, and all of them are in My leads. */
const NOW_ROWS = 8;

/** The leads needing action now (overdue, due, new), most urgent first, one click to open. */
export function NowSection({
  ranked,
  openingKey,
  onOpen,
}: {
  ranked: readonly RankedPopupLead[];
  openingKey: string | null;
  onOpen: (leadKey: string) => void;
}) {
  const { t, lang } = useI18n();
  const now = ranked.filter(
    (r) => needsNudging(r.lead) && (r.state.state === 'overdue' || r.state.state === 'due' || r.state.state === 'new'),
  );
  return (
    <section className="pp-section" aria-labelledby="pp-now-title">
      <h2 className="pp-section-title" id="pp-now-title">
        {t('popup.now')}
        {now.length > 0 ? <span className="pp-count pp-count-urgent">{now.length}</span> : null}
      </h2>
      {now.length === 0 ? (
        <p className="pp-muted" data-testid="now-empty">
          {t('popup.now.empty')}
        </p>
      ) : (
        <ul className="pp-rows" data-testid="now-list">
          {now.slice(0, NOW_ROWS).map(({ lead, state }) => {
            const channel = t(`channel.${state.nextChannel ?? 'call'}`);
            const what =
              state.state === 'overdue'
                ? t('popup.now.overdue', { channel, late: formatDuration(state.overdueByMs, lang) })
                : t('popup.now.due', { channel });
            return (
              <li key={lead.key}>
                <button
                  type="button"
                  className={`pp-row pp-now pp-now-${state.state}`}
                  data-testid="now-row"
                  data-lead-key={lead.key}
                  data-state={state.state}
                  disabled={openingKey !== null}
                  onClick={() => onOpen(lead.key)}
                >
                  <span className="pp-row-top">
                    <span className="pp-name">{lead.name ?? removedDetailsLabel(lead, t) ?? t('popup.row.noName')}</span>
                    <span className="pp-badge">{sourceLabel(t, lead.source)}</span>
                  </span>
                  <span className="pp-row-bottom">
                    <span className="pp-now-what">{what}</span>
                    <span>{t('popup.row.attempts', { count: lead.attemptCount })}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {now.length > NOW_ROWS ? (
        <p className="pp-muted" data-testid="now-more">
          {t('popup.now.more', { count: now.length - NOW_ROWS })}
        </p>
      ) : null}
    </section>
  );
}
