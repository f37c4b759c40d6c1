import { useI18n } from '@/components/ui/i18n';

/** Placeholder until the lead-source report lands here. */
export function SourceReportPage() {
  const { t } = useI18n();
  return (
    <section className="rp-card" aria-label={t('report.nav.source')}>
      <p className="rp-muted">{t('report.source.placeholder')}</p>
    </section>
  );
}
