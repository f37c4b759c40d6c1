// Zod's English messages: "Add my CRM" files and team fixes are refused with zod's reasons here.
import '@/lib/zod-english';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Options } from '@/components/options/Options';
import { I18nProvider } from '@/components/ui/i18n';
import './style.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <Options />
      </I18nProvider>
    </StrictMode>,
  );
}
