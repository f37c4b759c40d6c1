import { StrictMode } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createRoot } from 'react-dom/client';
import { Picker } from '@/components/picker/Picker';
import { PICKER_CSS } from '@/components/picker/picker-css';
import { I18nProvider } from '@/components/ui/i18n';
import type { UserAdapter } from '@/lib/adapters/user/schema';
import { sendMessage } from '@/lib/messaging';
import { safely } from '@/lib/safely';

const HOST_TAG = 'leadpace-picker';

export const isPickerOpen = (doc: Document = document): boolean => doc.querySelector(HOST_TAG) !== null;

/**
 * Opens the picker in an open shadow root on top of the page, for as long as `ctx` lives: it
 * closes itself when its context ends (picker injected again, extension updated or reloaded).
 */
export function startPicker(ctx: ContentScriptContext, doc: Document = document): void {
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PICKER_CSS;
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.documentElement.append(host);
  // Keys typed into the picker must not trigger the CRM's own shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) ctx.addEventListener(shadow, type, (event) => event.stopPropagation());

  const root = createRoot(container);
  const close = () => {
    safely(() => root.unmount());
    host.remove();
  };
  ctx.onInvalidated(close);
  const save = (adapter: UserAdapter) => sendMessage('user-adapter/save', adapter);
  root.render(
    <StrictMode>
      <I18nProvider>
        <Picker doc={doc} url={() => new URL(location.href)} isOwn={(el) => el === host || host.contains(el)} save={save} close={close} />
      </I18nProvider>
    </StrictMode>,
  );
}
