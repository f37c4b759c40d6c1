import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/i18n';
import type { ExecuteScript } from '@/lib/capture/capture';
import type { LeadpaceDb } from '@/lib/db/schema';
import { startDirectRead } from '@/lib/db/summary-early';
import { dayBounds } from '@/lib/domain/metrics';
import { primeSettings } from '@/lib/storage/settings-read';
import './style.css';

declare const __LEADPACE_TEST_HOOKS__: boolean;

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

// The e2e build opens this page in a tab (Playwright cannot click the toolbar), so there
// `?tab=<id>` names the page to capture; the store build always takes the active tab.
const testTabId = __LEADPACE_TEST_HOOKS__ ? Number(new URLSearchParams(location.search).get('tab')) : 0;
const pageCapture = {
  activeTab: () =>
    testTabId > 0
      ? browser.tabs.get(testTabId)
      : browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab),
  executeScript: ((injection) => browser.scripting.executeScript(injection)) satisfies ExecuteScript,
};

const addCrm = {
  activeTab: pageCapture.activeTab,
  permissions: crmAccess.permissions,
  launchPicker: (tabId: number) => browser.scripting.executeScript({ target: { tabId }, files: ['/picker.js'] }),
};

// Messaging and adapter health load when first used: neither is needed for the first screen.
const healthItems = () => import('@/lib/storage/adapter-health-item');
const drift = {
  read: async () => {
    const { readCrmHealth, readDriftTold } = await healthItems();
    const health = await readCrmHealth();
    return { health, told: await readDriftTold(health) };
  },
  markTold: async (crm: string) => (await healthItems()).markDriftTold(crm, Date.now()),
};
const openLead = async (leadKey: string) => (await import('@/lib/messaging')).sendMessage('lead/open', { leadKey });

// Dexie (a third of the popup's code) is not on the first screen: the summary is read with plain
// IndexedDB, and Dexie's chunk loads when the popup first asks for the database, after it.
let database: Promise<LeadpaceDb> | undefined;
const db = () => (database ??= import('@/lib/db/schema').then((m) => m.leadpaceDb()));
// The first screen's two reads start now, while React sets itself up, instead of in its first
// commit: the summary (for the day the popup will ask for) and the settings.
const directRead = startDirectRead(dayBounds(Date.now()).start);
primeSettings();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <Popup
          db={db}
          directRead={directRead}
          openLead={openLead}
          closeWindow={() => window.close()}
          crmAccess={crmAccess}
          pageCapture={pageCapture}
          addCrm={addCrm}
          drift={drift}
          openOptions={() => {
            void browser.runtime.openOptionsPage().then(() => window.close());
          }}
        />
      </I18nProvider>
    </StrictMode>,
  );
}
