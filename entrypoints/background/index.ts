import { browser } from 'wxt/browser';
import { handleMessage, type HandlerDeps } from '@/lib/background/handlers';
import { injectIntoOpenTabs, reconcileContentScripts } from '@/lib/background/content-scripts';
import { focusOrOpenLead } from '@/lib/background/open-lead';
import { leadpaceDb } from '@/lib/db/schema';
import { onMessage, sendMessage } from '@/lib/messaging';
import { messageSchemas } from '@/lib/messaging';
import { repIdItem } from '@/lib/settings';

const log = (message: string) => console.warn(`[leadpace] ${message}`);

const deps: HandlerDeps = {
  db: leadpaceDb,
  repId: () => repIdItem.getValue(),
  now: () => Date.now(),
  extensionOrigin: browser.runtime.getURL('/'),
  log,
};

const senderOf = (sender: { url?: string; tab?: { id?: number } }) => ({ url: sender.url, tabId: sender.tab?.id });

// Every listener is registered synchronously, before any await: an MV3 worker woken by an
// event only delivers it to listeners that exist when the script's first run ends.
export default defineBackground(() => {
  for (const type of ['lead/seen', 'lead/get', 'attempt/log', 'attempt/undo', 'status/change', 'note/save'] as const) {
    onMessage(type, ({ data, sender }) => handleMessage(type, data, senderOf(sender), deps));
  }

  onMessage('lead/open', async ({ data, sender }) => {
    const parsed = messageSchemas['lead/open'].safeParse(data);
    if (!parsed.success || !senderOf(sender).url?.startsWith(deps.extensionOrigin)) {
      log('rejected lead/open');
      return { ok: false, code: 'invalid', reason: 'lead/open comes only from Leadpace pages' };
    }
    return focusOrOpenLead(leadpaceDb(), parsed.data.leadKey);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    sendMessage('panel/toggle', undefined, tab.id).catch(() => undefined); // no panel on that tab
  });

  browser.permissions.onAdded.addListener(() => {
    void reconcileContentScripts().then(injectIntoOpenTabs).catch((e: unknown) => log(`register failed: ${String(e)}`));
  });
  browser.permissions.onRemoved.addListener(() => {
    void reconcileContentScripts().catch((e: unknown) => log(`unregister failed: ${String(e)}`));
  });

  // An update or browser start wipes or may wipe dynamic registrations; these events also
  // wake the worker, which otherwise would not run until some other event arrives.
  const reconcile = () => void reconcileContentScripts().catch((e: unknown) => log(`register failed: ${String(e)}`));
  browser.runtime.onInstalled.addListener(reconcile);
  browser.runtime.onStartup.addListener(reconcile);
  reconcile();
});
