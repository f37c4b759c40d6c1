import { useEffect, useState } from 'react';
import { useI18n } from '@/components/ui/i18n';
import { SourceReportPage } from './SourceReportPage';
import { TeamBoardPage } from './team/TeamBoardPage';
import { viewFromHash, type ReportView } from './report-route';
import '@/lib/i18n/messages/report-nav';

function useHashView(): ReportView {
  const [view, setView] = useState<ReportView>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return view;
}

export function ReportApp() {
  const { t, lang } = useI18n();
  const view = useHashView();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Leadpace · ${view === 'team' ? t('report.nav.team') : t('report.nav.source')}`;
  }, [lang, view, t]);
  return (
    <main className="rp">
      <header className="rp-top">
        <h1>Leadpace</h1>
        <nav className="rp-tabs" aria-label={t('report.nav.label')}>
          <a className="rp-tab" href="#source" aria-current={view === 'source' ? 'page' : undefined}>
            {t('report.nav.source')}
          </a>
          <a className="rp-tab" href="#team" aria-current={view === 'team' ? 'page' : undefined}>
            {t('report.nav.team')}
          </a>
        </nav>
      </header>
      {view === 'team' ? <TeamBoardPage /> : <SourceReportPage />}
    </main>
  );
}
