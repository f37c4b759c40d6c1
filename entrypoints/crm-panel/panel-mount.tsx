import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PanelRoot } from '@/components/panel/PanelRoot';
import { PANEL_CSS } from '@/components/panel/panel-css';
import { ask } from '@/lib/content/client';
import { initialPanelState, type PanelStore } from '@/lib/content/panel-store';
import { safely } from '@/lib/safely';

export const isToggleShortcut = (event: KeyboardEvent) =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL';

/** The panel's shadow-root host on the page: mounted for a lead, removed when there is none. */
export interface PanelMount {
  /** Mounts the panel (once; later calls share the first). */
  mount(): Promise<ShadowRootContentScriptUi<Root>>;
  /** Renders the panel off the page ahead of a lead, so mounting it costs a move, not a first render. */
  prewarm(): void;
  /** Removes the panel and forgets the lead (the rep's collapsed choice stays). */
  unmount(): void;
  /** The mounted panel, or null. */
  readonly ui: ShadowRootContentScriptUi<Root> | null;
  /** The extension went away: the page keeps the host no more, without a React unmount. */
  forget(): boolean;
}

export function createPanelMount(ctx: ContentScriptContext, store: PanelStore, onToggle: () => void): PanelMount {
  let ui: ShadowRootContentScriptUi<Root> | null = null;
  let mounting: Promise<ShadowRootContentScriptUi<Root>> | null = null;
  // A React root rendered into a detached element while the page has not shown its lead yet:
  // the first render (most of the time from the lead's anchor to a painted panel) and the
  // panel's storage reads happen before the lead appears, not after.
  let warm: { element: HTMLDivElement; root: Root } | null = null;
  const panelFor = (host: HTMLElement | undefined) => <PanelRoot store={store} ask={ask} host={host} onToggle={onToggle} />;

  const prewarm = () => {
    if (ui || mounting || warm) return;
    const element = document.createElement('div');
    const root = createRoot(element);
    flushSync(() => root.render(panelFor(undefined)));
    warm = { element, root };
  };

  const mount = () => {
    if (ui) return Promise.resolve(ui);
    mounting ??= createShadowRootUi(ctx, {
      name: 'leadpace-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      isolateEvents: true,
      css: PANEL_CSS,
      onMount(container, _shadow, host) {
        const ready = warm;
        warm = null;
        const root = ready?.root ?? createRoot(container);
        if (ready) container.append(ready.element);
        // Rendered synchronously: a scheduled first render would wait for another task, and the
        // rep should see the lead's clock in the same frame as the lead.
        flushSync(() => root.render(panelFor(host)));
        return root;
      },
      onRemove(root) {
        safely(() => root?.unmount());
      },
    }).then((created) => {
      created.mount();
      created.shadow.addEventListener('keydown', (event) => {
        if (event instanceof KeyboardEvent && isToggleShortcut(event)) onToggle();
      });
      ui = created;
      return created;
    });
    return mounting;
  };

  ctx.onInvalidated(() => {
    const left = warm;
    warm = null;
    if (left) safely(() => left.root.unmount());
  });

  return {
    mount,
    prewarm,
    unmount() {
      ui?.remove();
      ui = null;
      mounting = null;
      store.setState({ ...initialPanelState, collapsed: store.getState().collapsed });
    },
    get ui() {
      return ui;
    },
    forget() {
      const had = ui !== null;
      ui = null;
      return had;
    },
  };
}
