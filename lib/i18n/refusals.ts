import { refusals } from './messages/refusals';

export type RefusalKey = keyof (typeof refusals)['en'];
const isRefusalKey = (key: string): key is RefusalKey => Object.prototype.hasOwnProperty.call(refusals.en, key);

/** The message key for a server's refusal reason ("in_future: at is more than…"). */
export function refusalKey(reason: string | undefined): RefusalKey {
  const key = `refused.${(reason ?? '').split(':', 1)[0]?.trim() ?? ''}`;
  return isRefusalKey(key) ? key : 'refused.other';
}
