import { useI18n } from '@/components/ui/i18n';

export function TeamBoardPage() {
  const { t } = useI18n();
  return (
    <section className="rp-card" aria-label={t('report.nav.team')}>
      <h2>{t('report.team.title')}</h2>
    </section>
  );
}
