import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startListMain } from '@/lib/content/list-main';

const LOADED = '__leadpaceListLoaded';

// Injected by the background on CRM inbox/list pages: reads new leads from the list without
// loading React and the panel. Injection can repeat (SPA navigation): start once.
export default defineUnlistedScript(() => {
  const world = globalThis as unknown as Record<string, unknown>;
  if (world[LOADED]) return;
  world[LOADED] = true;
  startListMain(new ContentScriptContext('crm-list'));
});
