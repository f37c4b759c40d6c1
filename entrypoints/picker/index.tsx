// Zod's English messages: the picker lists zod's reasons when the picked adapter does not check.
import '@/lib/zod-english';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isPickerOpen, startPicker } from './start-picker';

// Injected by the popup's "Add my CRM" (activeTab) into the page the dealer is on. Running it
// again while the picker is open closes it: a new context ends the open picker's one, and with
// it the picker (as an update or reload of the extension does).
export default defineUnlistedScript(() => {
  const open = isPickerOpen();
  const ctx = new ContentScriptContext('leadpace-picker');
  if (!open) startPicker(ctx);
});
