import type { PanelStore } from '@/lib/content/panel-store';
import { I18nProvider } from '../ui/i18n';
import { useSettings } from '../ui/use-settings';
import { Panel } from './Panel';
import type { Ask } from './panel-actions';

/** The panel with its language and settings wired from storage. */
export function PanelRoot({ store, ask, host, onToggle }: { store: PanelStore; ask: Ask; host?: HTMLElement; onToggle: () => void }) {
  const settings = useSettings();
  return (
    <I18nProvider>
      <Panel
        store={store}
        ask={ask}
        repName={settings.repName}
        dealerName={settings.dealerName}
        cadence={settings.cadence}
        hours={settings.openingHours}
        host={host}
        onToggle={onToggle}
      />
    </I18nProvider>
  );
}
