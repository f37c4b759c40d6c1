import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/ui/i18n';
import { REPORT_PERIODS, type ReportPeriod, type ReportRange } from '@/lib/domain/report-period';
import '@/lib/i18n/messages/report';

/** The period buttons and the custom range (inclusive local dates). */
export function PeriodPicker({
  period,
  range,
  onPeriod,
  onCustom,
}: {
  period: ReportPeriod;
  range: ReportRange;
  onPeriod: (period: Exclude<ReportPeriod, 'custom'>) => void;
  /** Answers false when the dates make no range. */
  onCustom: (firstDate: string, lastDate: string) => boolean;
}) {
  const { t } = useI18n();
  const [custom, setCustom] = useState(period === 'custom');
  const [first, setFirst] = useState(range.firstDate);
  const [last, setLast] = useState(range.lastDate);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setInvalid(!onCustom(first, last));
  };
  return (
    <div className="rp-periods rp-no-print">
      <div role="group" aria-label={t('report.period.label')} className="rp-period-buttons">
        {REPORT_PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            data-testid={`period-${p}`}
            aria-pressed={p === 'custom' ? custom || period === 'custom' : !custom && period === p}
            onClick={() => {
              if (p === 'custom') {
                setFirst(range.firstDate);
                setLast(range.lastDate);
                setCustom(true);
                return;
              }
              setCustom(false);
              setInvalid(false);
              onPeriod(p);
            }}
          >
            {t(`report.period.${p}`)}
          </button>
        ))}
      </div>
      {(custom || period === 'custom') && (
        <form className="rp-custom" onSubmit={submit}>
          <label>
            {t('report.period.from')} <input type="date" data-testid="period-from" value={first} onChange={(e) => setFirst(e.target.value)} required />
          </label>
          <label>
            {t('report.period.to')} <input type="date" data-testid="period-to" value={last} onChange={(e) => setLast(e.target.value)} required />
          </label>
          <button type="submit" data-testid="period-apply">
            {t('report.period.apply')}
          </button>
          {invalid && (
            <span role="alert" className="rp-error">
              {t('report.period.invalid')}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
