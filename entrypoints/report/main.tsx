import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportApp } from '@/components/report/ReportApp';
import { I18nProvider } from '@/components/ui/i18n';
import './style.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ReportApp />
      </I18nProvider>
    </StrictMode>,
  );
}
