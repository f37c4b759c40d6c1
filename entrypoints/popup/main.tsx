import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/i18n';
import { leadpaceDb } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging';
import './style.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <Popup
          db={leadpaceDb()}
          openLead={(leadKey) => sendMessage('lead/open', { leadKey })}
          closeWindow={() => window.close()}
          openOptions={() => {
            void browser.runtime.openOptionsPage().then(() => window.close());
          }}
        />
      </I18nProvider>
    </StrictMode>,
  );
}
