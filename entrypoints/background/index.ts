import '@/lib/zod-english';
import { browser } from 'wxt/browser';
import { now, testHooksEnabled } from '@/lib/background/clock';
import { syncCrmAccess } from '@/lib/background/content-scripts';
import { handleListed, handleMessage, handleSalesImport, type HandlerDeps } from '@/lib/background/handlers';
import { injectPanel, injectPanelMessageSchema } from '@/lib/background/inject-panel';
import { runTick } from '@/lib/background/nudges';
import { keepPopupPlan } from '@/lib/background/popup-plan';
import { keepPlan } from '@/lib/db/summary-plan';
import { noteHealth } from '@/lib/background/health';
import { openFromNotification } from '@/lib/background/notification-click';
import { focusOrOpenLead } from '@/lib/background/open-lead';
import { listenForTestHooks } from '@/lib/background/test-hooks';
import { runRetentionIfDue } from '@/lib/background/retention';
import { createTeamSync } from '@/lib/background/sync';
import { saveFromPicker } from '@/lib/background/user-adapters';
import { teamOverridesItem } from '@/lib/storage/team-fixes-item';
import { loadUserAdapters, userAdaptersItem } from '@/lib/storage/user-adapters-item';
import { userRoute } from '@/lib/adapters/user/to-adapter';
import { routeById } from '@/lib/background/route-by-id';
import { panelCommandMessage } from '@/lib/content/panel-commands';
import { leadpaceDb } from '@/lib/db/schema';
import { messageSchemas, onMessage, sendMessage } from '@/lib/messaging';
import { readSettings, repIdItem } from '@/lib/settings';
import { wipeFromMessage } from '@/lib/privacy/wipe-browser';
import { listenForOpenSetting } from '@/lib/background/open-setting';

const log = (message: string) => console.warn(`[leadpace] ${message}`);

const TICK_ALARM = 'tick';

// The minute tick also re-makes a missing popup plan: writes made while no listener could see
// them (raw IndexedDB, a worker that was stopped) would otherwise leave the popup without one.
const tick = () =>
  Promise.all([readSettings(), now()]).then(async ([settings, at]) => {
    await keepPlan(leadpaceDb(), settings.cadence, settings.openingHours).catch((e: unknown) => log(`popup plan failed: ${String(e)}`));
    return runTick({ db: leadpaceDb(), settings, now: at });
  });
const tickSoon = () => void tick().catch((e: unknown) => log(`tick failed: ${String(e)}`));

const deps: HandlerDeps = {
  db: leadpaceDb,
  repId: () => repIdItem.getValue(),
  now,
  extensionOrigin: browser.runtime.getURL('/'),
  log,
  userAdapters: () => loadUserAdapters().then((defs) => defs.map(userRoute)),
  noteLeadPage: (snapshot, at) => void noteHealth(snapshot, at, builtInName).catch((e: unknown) => log(`health note failed: ${String(e)}`)),
};

const senderOf = (sender: { url?: string; tab?: { id?: number } }) => ({ url: sender.url, tabId: sender.tab?.id });

// The display name of a built-in CRM lives with its adapter.
const builtInName = (crm: string) => routeById(crm)?.name;
const openNotification = (id: string) => openFromNotification(id, leadpaceDb(), log);

/** create() restarts an alarm's period, so only create the tick when it is missing. */
async function ensureTickAlarm(): Promise<void> {
  if (!(await browser.alarms.get(TICK_ALARM))) await browser.alarms.create(TICK_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
}

// Every listener is registered synchronously, before any await: an MV3 worker woken by an
// event only delivers it to listeners that exist when the script's first run ends.
export default defineBackground(() => {
  for (const type of ['lead/seen', 'lead/get', 'attempt/log', 'attempt/undo', 'status/change', 'note/save'] as const) {
    onMessage(type, async ({ data, sender }) => {
      const result = await handleMessage(type, data, senderOf(sender), deps);
      // Refresh the badge without waiting a minute, but only when what needs action can have
      // changed: every lead page view sends lead/seen, and re-seeing a known lead changes nothing.
      const changesActions =
        type === 'attempt/log' || type === 'attempt/undo' || type === 'status/change' ||
        (type === 'lead/seen' &&
          result.ok &&
          // A first sight, or the CRM's own page closing the lead on this very view.
          (result.value.firstSeenAt === result.value.lastSeenAt ||
            (result.value.statusActor === 'crm' && result.value.closedAt === result.value.lastSeenAt)));
      if (result.ok && changesActions) tickSoon();
      return result;
    });
  }

  // New-lead discovery: a CRM list page reports its leads. New ones need action now, so the
  // badge is re-ranked as after a first sight of a lead; a re-rendered list creates nothing.
  onMessage('leads/listed', async ({ data, sender }) => {
    const result = await handleListed(data, senderOf(sender), deps);
    if (result.ok && result.value.created > 0) tickSoon();
    return result;
  });

  // Sold deals from a CRM/DMS export (the report page): sales close leads, so re-rank the badge.
  onMessage('sales/import', async ({ data, sender }) => {
    const result = await handleSalesImport(data, senderOf(sender), deps);
    if (result.ok && result.value.sold > 0) tickSoon();
    return result;
  });

  onMessage('lead/open', async ({ data, sender }) => {
    const parsed = messageSchemas['lead/open'].safeParse(data);
    if (!parsed.success || !senderOf(sender).url?.startsWith(deps.extensionOrigin)) {
      log('rejected lead/open');
      return { ok: false, code: 'invalid', reason: 'lead/open comes only from Leadpace pages' };
    }
    return focusOrOpenLead(leadpaceDb(), parsed.data.leadKey);
  });

  // --- team sync ---
  // Only extension pages may send team/* (checked in lib/background/sync.ts from `sender`).
  const team = createTeamSync({ db: leadpaceDb, repId: deps.repId, extensionOrigin: deps.extensionOrigin, log });
  onMessage('user-adapter/save', ({ data, sender }) =>
    saveFromPicker(data, sender.url).catch((e: unknown) => ({ ok: false as const, code: 'db' as const, reason: String(e) })),
  );
  onMessage('team/connect', ({ data, sender }) => team.connect(data, senderOf(sender).url));
  onMessage('team/test', ({ data, sender }) => team.test(data, senderOf(sender).url));
  onMessage('team/disconnect', ({ data, sender }) => team.disconnect(data, senderOf(sender).url));
  onMessage('team/sync-now', ({ data, sender }) => team.syncNow(data, senderOf(sender).url));
  onMessage('team/leaderboard', ({ data, sender }) => team.leaderboard(data, senderOf(sender).url));
  onMessage('team/invitation', ({ data, sender }) => team.invitation(data, senderOf(sender).url));
  onMessage('team/colleague-early', ({ data, sender }) => team.colleagueEarly(data, senderOf(sender).url));
  onMessage('report/team', ({ data, sender }) => team.teamReport(data, senderOf(sender).url));
  team.listen();
  onMessage('privacy/wipe', ({ data, sender }) => wipeFromMessage(data, senderOf(sender).url, log));
  // --- end team sync ---

  // The detector content script asks for the panel only on lead pages.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = injectPanelMessageSchema.safeParse(message);
    if (!request.success) return undefined;
    return injectPanel(sender, request.data).catch((e: unknown) => {
      log(`panel injection failed: ${String(e)}`);
      return { ok: false, reason: String(e) };
    });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM) tickSoon();
    if (alarm.name === TICK_ALARM) void runRetentionIfDue({ db: leadpaceDb, now, log }); // at most once a day
  });

  browser.notifications.onClicked.addListener((id) => void openNotification(id));

  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === 'toggle-panel') {
      sendMessage('panel/toggle', undefined, tab.id).catch(() => undefined); // no panel on that tab
      return;
    }
    const forward = panelCommandMessage(command);
    if (forward) browser.tabs.sendMessage(tab.id, forward).catch(() => undefined); // same: no panel there
  });

  const followAccess = () => void syncCrmAccess().catch((e: unknown) => log(`content scripts failed: ${String(e)}`));
  browser.permissions.onAdded.addListener(followAccess);
  browser.permissions.onRemoved.addListener(followAccess);
  // Options import/remove user adapters directly; the picker saves through the background.
  userAdaptersItem.watch(followAccess);
  // A sync that brings (or withdraws) a team's published adapter for an already allowed site.
  teamOverridesItem.watch(followAccess);

  // An update or browser start wipes or may wipe dynamic registrations; these events also
  // wake the worker, which otherwise would not run until some other event arrives.
  const start = () => {
    followAccess();
    void ensureTickAlarm().catch((e: unknown) => log(`alarm failed: ${String(e)}`));
    tickSoon();
    team.start();
  };
  browser.runtime.onInstalled.addListener(start);
  listenForOpenSetting();
  keepPopupPlan({ db: leadpaceDb, log });
  // A fresh install opens the guided setup; an update or a browser restart does not.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#setup') });
  });
  browser.runtime.onStartup.addListener(start);
  start();

  if (testHooksEnabled()) listenForTestHooks({ extensionOrigin: deps.extensionOrigin, tickAlarm: TICK_ALARM, tick, click: openNotification });
});
