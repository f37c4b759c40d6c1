import { browser } from 'wxt/browser';
import { z } from 'zod';
import { testClockItem } from './clock';

const testRequestSchema = z.object({
  leadpaceTest: z.enum(['setNow', 'tick', 'badge', 'notifications', 'alarm', 'click']),
  arg: z.union([z.number(), z.string(), z.null()]).optional(),
});

export interface TestHookDeps {
  extensionOrigin: string;
  tickAlarm: string;
  tick: () => Promise<unknown>;
  click: (notificationId: string) => Promise<void>;
}

/**
 * e2e build only: lets a test pin the clock, run a tick, read the badge and notifications and
 * "click" a notification. A message (not a global) so it also wakes a stopped worker; only
 * Leadpace's own pages may send it.
 */
export function listenForTestHooks({ extensionOrigin, tickAlarm, tick, click }: TestHookDeps): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = testRequestSchema.safeParse(message);
    if (!request.success || !sender.url?.startsWith(extensionOrigin)) return undefined;
    const { leadpaceTest: op, arg } = request.data;
    switch (op) {
      case 'setNow':
        return testClockItem.setValue(typeof arg === 'number' ? arg : null).then(() => null);
      case 'tick':
        return tick();
      case 'badge':
        return browser.action.getBadgeText({});
      case 'notifications':
        return browser.notifications.getAll().then((all) => Object.keys(all).sort());
      case 'alarm':
        return browser.alarms.get(tickAlarm).then((alarm) => alarm?.periodInMinutes ?? null);
      case 'click':
        return click(String(arg)).then(() => null);
    }
  });
}
