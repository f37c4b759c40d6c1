import { formatDateTime } from '@/lib/i18n/format';
import type { TeamUserAdapter } from '@/lib/sync/adapter-overrides';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/team-settings';

/**
 * On the CRMs row of a user adapter the team's manager published: where it comes from, and
 * whether it is in use (its site allowed) or waits for the member to allow the site.
 */
export function TeamUserAdapterLine({ entry, allowed }: { entry: TeamUserAdapter; allowed: boolean | null }) {
  const { t, lang } = useI18n();
  const from = { origin: entry.adapter.origin, version: entry.version, manager: entry.updatedBy || '?', date: formatDateTime(entry.updatedAt, lang) };
  return (
    <span className="op-help" data-testid="team-user-adapter" data-version={entry.version} data-state={allowed === null ? 'checking' : allowed ? 'on' : 'waiting'}>
      {t('teamAdapter.from', from)}{' '}
      {allowed === true ? t('teamAdapter.inUse', { version: entry.version }) : allowed === false ? t('teamAdapter.notAllowed') : null}
    </span>
  );
}
