import { browser } from 'wxt/browser';
import { openSettingRequestSchema, settingUrlPath } from '../open-setting';

/** Opens Options on the field a script blank needs; only for our own pages and content scripts. */
export function listenForOpenSetting(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = openSettingRequestSchema.safeParse(message);
    if (!request.success || sender.id !== browser.runtime.id) return undefined;
    return browser.tabs.create({ url: browser.runtime.getURL(settingUrlPath(request.data.leadpaceOpenSetting)) }).then(() => null);
  });
}
