import { startPicker } from './start-picker';

// Injected by the popup's "Add my CRM" (activeTab) into the page the dealer is on. Running it
// again while the picker is open closes it.
export default defineUnlistedScript(() => {
  startPicker();
});
