import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/i18n';
import { leadpaceDb } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging';
import './style.css';

// Stable objects: the prompt's effect depends on them.
const crmAccess = {
  // activeTab: the tab the popup was opened on, only for this click.
  currentUrl: () => browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.url),
  permissions: {
    contains: (request: { origins: string[] }) => browser.permissions.contains(request),
    request: (request: { origins: string[] }) => browser.permissions.request(request),
    remove: (request: { origins: string[] }) => browser.permissions.remove(request),
  },
};

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <Popup
          db={leadpaceDb()}
          openLead={(leadKey) => sendMessage('lead/open', { leadKey })}
          closeWindow={() => window.close()}
          crmAccess={crmAccess}
          openOptions={() => {
            void browser.runtime.openOptionsPage().then(() => window.close());
          }}
        />
      </I18nProvider>
    </StrictMode>,
  );
}
