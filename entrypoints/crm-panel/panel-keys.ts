import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { panelCommandMessageSchema, type PanelCommand } from '@/lib/content/panel-commands';
import type { PanelStore } from '@/lib/content/panel-store';
import { onMessage } from '@/lib/messaging';
import { safely } from '@/lib/safely';
import { panelCollapsedItem } from '@/lib/settings';
import { isToggleShortcut, type PanelMount } from './panel-mount';

/**
 * Focus an element of the panel once React has drawn it (the shortcut may have just opened
 * the panel). Marked, so the focus ring shows although no key reached the page.
 */
function focusWhenRendered(shadow: ShadowRoot, selector: string, triesLeft = 10): void {
  const target = shadow.querySelector(selector);
  if (!(target instanceof HTMLElement)) {
    if (triesLeft > 0) requestAnimationFrame(() => focusWhenRendered(shadow, selector, triesLeft - 1));
    return;
  }
  target.setAttribute('data-shortcut-focus', '');
  target.addEventListener('blur', () => target.removeAttribute('data-shortcut-focus'), { once: true });
  target.focus();
}

/**
 * The panel's keyboard: Alt+Shift+L on the page, and the rep's other shortcuts forwarded by the
 * background (open the panel if needed and put the keyboard in it: the panel is the page's last
 * element, so tabbing there takes long). Ends with the content script's context.
 */
export function followPanelKeys(ctx: ContentScriptContext, panel: PanelMount, store: PanelStore, toggle: () => void): void {
  ctx.addEventListener(window, 'keydown', (event) => {
    if (panel.ui && isToggleShortcut(event)) toggle();
  });
  const removeToggleListener = onMessage('panel/toggle', () => {
    if (panel.ui) toggle();
  });
  ctx.onInvalidated(() => safely(removeToggleListener));
  const runCommand = (command: PanelCommand) => {
    const shadow = panel.ui?.shadow;
    if (!shadow) return;
    store.setState(command === 'log-attempt' ? { collapsed: false, logging: 'call', pendingCall: false } : { collapsed: false });
    void panelCollapsedItem.setValue(false).catch(() => undefined);
    focusWhenRendered(shadow, command === 'log-attempt' ? '[data-testid="channel-call"]' : '[data-testid="panel"]');
  };
  const onCommandMessage = (message: unknown) => {
    const parsed = panelCommandMessageSchema.safeParse(message);
    if (parsed.success) runCommand(parsed.data.command);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onCommandMessage);
  ctx.onInvalidated(() => safely(() => browser.runtime.onMessage.removeListener(onCommandMessage)));
}
