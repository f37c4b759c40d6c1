import { translator, resolveLang } from '../i18n';
import '../i18n/messages/common';

/**
 * Shown by a content script whose extension was updated or reloaded: its panel is gone and
 * it can no longer talk to the background. Plain DOM in its own shadow root, text only.
 */
export function showUpdatedNotice(doc: Document): void {
  if (doc.querySelector('leadpace-notice')) return;
  const host = doc.createElement('leadpace-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial !important;position:fixed !important;right:16px !important;bottom:16px !important;z-index:2147483646 !important;display:block !important}
  p{margin:0;font:600 13px/1.4 system-ui,sans-serif;background:#0f3d5e;color:#fff;padding:10px 14px;border-radius:8px;box-shadow:0 6px 18px rgba(0,0,0,.25)}
  button{margin-left:10px;font:inherit;background:#fff;color:#0f3d5e;border:0;border-radius:6px;padding:3px 8px;cursor:pointer}`;
  const text = doc.createElement('p');
  text.setAttribute('data-testid', 'updated-notice');
  const t = translator(resolveLang('auto', doc.defaultView?.navigator.language));
  text.textContent = t('error.updated');
  const reload = doc.createElement('button');
  reload.type = 'button';
  reload.textContent = t('common.reload');
  reload.addEventListener('click', () => doc.defaultView?.location.reload());
  text.append(reload);
  shadow.append(style, text);
  doc.body.append(host);
}
