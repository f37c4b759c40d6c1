import { isMessageKey, type Translate } from '@/lib/i18n';
import '@/lib/i18n/messages/common';

/** A source's display name; a dealer-added source shows its own id. */
export function sourceLabel(t: Translate, source: string): string {
  const key = `source.${source}`;
  return isMessageKey(key) ? t(key) : source;
}
