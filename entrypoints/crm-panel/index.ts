import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPanel } from '@/lib/content/panel-main';

const LOADED = '__leadpacePanelLoaded';

// Injected by the background into a CRM tab's isolated world when the detector content
// script sees a lead page. Injection can repeat (SPA navigation, a re-granted CRM): start once.
export default defineUnlistedScript(() => {
  const world = globalThis as unknown as Record<string, unknown>;
  if (world[LOADED]) return;
  world[LOADED] = true;
  startPanel(new ContentScriptContext('crm-panel'));
});
