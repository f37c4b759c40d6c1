import { useCallback, useEffect, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../ui/i18n';
import { SAVE_ACTIONS_ATTRIBUTE, UnsavedContext } from './TabsUnsaved';
import '@/lib/i18n/messages/setup';

export interface SectionTab {
  id: string;
  label: MessageKey;
  content: ReactNode;
}

type Unsaved = Readonly<Record<string, readonly HTMLFormElement[]>>;

/** The form an edit happened in, when that form has its own save button. */
function savableForm(event: SyntheticEvent): HTMLFormElement | null {
  const target = event.target;
  if (!(target instanceof Element)) return null;
  const form = target.closest('form');
  return form?.querySelector(`[${SAVE_ACTIONS_ATTRIBUTE}]`) ? form : null;
}

/**
 * Options as tabs. Every panel stays mounted, so switching never drops typed input; still,
 * leaving a tab with unsaved edits asks first ("stay" or "discard"), and closing the page
 * then gets the browser's own leave warning. Discarding remounts the tab from storage.
 */
export function Tabs({ tabs, active, onSelect }: { tabs: readonly SectionTab[]; active: string; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const [unsaved, setUnsaved] = useState<Unsaved>({});
  const [asking, setAsking] = useState<string | null>(null);
  const [generation, setGeneration] = useState<Record<string, number>>({});
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  const isUnsaved = (id: string) => (unsaved[id]?.length ?? 0) > 0;
  const anyUnsaved = Object.values(unsaved).some((forms) => forms.length > 0);

  useEffect(() => {
    if (!anyUnsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the leave dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyUnsaved]);

  const edited = (tabId: string) => (event: SyntheticEvent) => {
    const form = savableForm(event);
    if (!form) return;
    setUnsaved((previous) => {
      const forms = previous[tabId] ?? [];
      return forms.includes(form) ? previous : { ...previous, [tabId]: [...forms, form] };
    });
  };
  const saved = useCallback((form: HTMLFormElement) => {
    setUnsaved((previous) => {
      const entry = Object.entries(previous).find(([, forms]) => forms.includes(form));
      if (!entry) return previous;
      const [tabId, forms] = entry;
      return { ...previous, [tabId]: forms.filter((f) => f !== form) };
    });
  }, []);

  const select = (id: string) => {
    if (!current || id === current.id) return;
    if (isUnsaved(current.id)) setAsking(id);
    else onSelect(id);
  };
  const discard = () => {
    if (!current || asking === null) return;
    setUnsaved((previous) => ({ ...previous, [current.id]: [] }));
    setGeneration((previous) => ({ ...previous, [current.id]: (previous[current.id] ?? 0) + 1 }));
    onSelect(asking);
    setAsking(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!current) return;
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.id === current.id);
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (next) {
      select(next.id);
      document.getElementById(`op-tab-${next.id}`)?.focus();
    }
  };

  return (
    <div className="op-tabs-layout">
      <div role="tablist" aria-label={t('tabs.label')} aria-orientation="vertical" className="op-tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`op-tab-${tab.id}`}
            aria-controls={`op-panel-${tab.id}`}
            aria-selected={tab.id === current?.id}
            tabIndex={tab.id === current?.id ? 0 : -1}
            data-testid={`tab-${tab.id}`}
            data-unsaved={isUnsaved(tab.id) ? 'true' : undefined}
            className="op-tab"
            onClick={() => select(tab.id)}
          >
            {t(tab.label)}
            {isUnsaved(tab.id) ? <span className="op-tab-unsaved"> • {t('tabs.unsaved.marker')}</span> : null}
          </button>
        ))}
      </div>
      <div className="op-tab-panels">
        {asking !== null && current ? (
          <div role="alertdialog" aria-labelledby="op-unsaved-title" aria-describedby="op-unsaved-help" className="op-unsaved" data-testid="unsaved-dialog">
            <p id="op-unsaved-title">
              <strong>{t('tabs.unsaved.title', { tab: t(current.label) })}</strong>
            </p>
            <p id="op-unsaved-help" className="op-help">
              {t('tabs.unsaved.help')}
            </p>
            <div className="op-actions">
              <button type="button" className="op-primary" data-testid="unsaved-stay" autoFocus onClick={() => setAsking(null)}>
                {t('tabs.unsaved.stay')}
              </button>
              <button type="button" className="op-secondary" data-testid="unsaved-discard" onClick={discard}>
                {t('tabs.unsaved.discard')}
              </button>
            </div>
          </div>
        ) : null}
        <UnsavedContext.Provider value={saved}>
          {tabs.map((tab) => (
            <div
              key={`${tab.id}-${generation[tab.id] ?? 0}`}
              role="tabpanel"
              id={`op-panel-${tab.id}`}
              aria-labelledby={`op-tab-${tab.id}`}
              hidden={tab.id !== current?.id}
              data-testid={`panel-${tab.id}`}
              className="op-tab-panel"
              onInputCapture={edited(tab.id)}
              onChangeCapture={edited(tab.id)}
            >
              {tab.content}
            </div>
          ))}
        </UnsavedContext.Provider>
      </div>
    </div>
  );
}
