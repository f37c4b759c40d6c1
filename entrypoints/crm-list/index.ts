import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startListMain } from '@/lib/content/list-main';

const LOADED = '__leadpaceListLoaded';

// Injected by the background on CRM inbox/list pages: reads new leads from the list without
// loading React and the panel. Injection can repeat (SPA navigation, a re-granted CRM): start once.
export default defineUnlistedScript(() => {
  const world = globalThis as unknown as Record<string, unknown>;
  const running = world[LOADED];
  if (running instanceof Function) {
    running(); // the CRM was turned off and on again: read lists again
    return;
  }
  world[LOADED] = startListMain(new ContentScriptContext('crm-list')).resume;
});
