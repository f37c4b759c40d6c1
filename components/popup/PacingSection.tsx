import type { MonthPacing } from '@/lib/domain/pacing';
import { formatDecimal } from '@/lib/i18n/numbers';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/popup';

/**
 * Month pacing for the rep: sold against target, expected by today, projection. "Short" counts
 * whole sales, as "behind" does (sold below the whole part of expected), so 4 sold against 5.4
 * expected is one short, not two.
 */
export function PacingSection({ pacing, target, onSetTarget }: { pacing: MonthPacing | null; target: number; onSetTarget: () => void }) {
  const { t, lang } = useI18n();
  return (
    <section className="pp-section" data-testid="pacing" aria-labelledby="pp-pacing-title">
      <h2 className="pp-section-title" id="pp-pacing-title">
        {t('popup.pacing')}
      </h2>
      {pacing === null || target <= 0 ? (
        <p className="pp-muted">
          {t('popup.pacing.noTarget')}{' '}
          <button type="button" className="pp-inline-link" onClick={onSetTarget}>
            {t('popup.pacing.setTarget')}
          </button>
        </p>
      ) : (
        <>
          <dl className="pp-stats">
            <div>
              <dt>{t('popup.pacing.sold')}</dt>
              <dd data-testid="pacing-sold">
                {pacing.sold} / {target}
              </dd>
            </div>
            <div>
              <dt>{t('popup.pacing.expected')}</dt>
              <dd data-testid="pacing-expected">{formatDecimal(pacing.expectedByToday, lang)}</dd>
            </div>
            <div>
              <dt>{t('popup.pacing.projection')}</dt>
              <dd data-testid="pacing-projection">{formatDecimal(pacing.projection, lang)}</dd>
            </div>
          </dl>
          <p className={pacing.behind ? 'pp-error' : 'pp-muted'} data-testid="pacing-verdict" data-behind={pacing.behind}>
            {pacing.behind
              ? t('popup.pacing.behind', { short: Math.floor(pacing.expectedByToday) - pacing.sold })
              : t('popup.pacing.onTrack')}
          </p>
        </>
      )}
    </section>
  );
}
