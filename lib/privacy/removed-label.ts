import { detailsRemovalOf } from '../domain/retention';
import type { Translate } from '../i18n';
import '../i18n/messages/removed-details';

/**
 * What to show where a lead's name would be once retention removed its details ("Details
 * removed after 180 days"); null for a lead that still has them (or never had a name).
 */
export function removedDetailsLabel(lead: object, t: Translate): string | null {
  const removal = detailsRemovalOf(lead);
  return removal ? t('privacy.detailsRemoved', { days: removal.detailsRemovedAfterDays }) : null;
}
