import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PANEL_LOADED_FLAG } from '@/lib/content/inject-message';
import { startPanel } from './panel-main';

const LOADED = PANEL_LOADED_FLAG;

// Injected by the background into a CRM tab's isolated world when the detector content
// script sees a lead page. Injection can repeat (SPA navigation, a re-granted CRM): start once.
export default defineUnlistedScript(() => {
  const world = globalThis as unknown as Record<string, unknown>;
  const running = world[LOADED];
  if (running instanceof Function) {
    running(); // a CRM turned off and on again: the same panel follows the page once more
    return;
  }
  const panel = startPanel(new ContentScriptContext('crm-panel'));
  world[LOADED] = panel.resume;
});
