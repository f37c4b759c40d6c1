import { useState } from 'react';
import type { UserAdapter } from '@/lib/adapters/user/schema';
import { ownAdapterInstead } from '@/lib/adapters/user/team-merge';
import { formatDateTime } from '@/lib/i18n/format';
import type { TeamUserAdapter } from '@/lib/sync/adapter-overrides';
import { NotOverrideManagerError } from '@/lib/sync/adapter-overrides-local';
import { TeamApiError } from '@/lib/sync/http';
import { useI18n } from '../ui/i18n';
import type { TeamUserAdapterStore } from './team-user-adapter-store';
import '@/lib/i18n/messages/team-settings';

type Outcome = { kind: 'published'; version: number } | { kind: 'withdrawn' } | { kind: 'error'; message: string };

/**
 * On one of the dealer's own adapters: for the team's manager, publish it to the team (or a new
 * version of it) and withdraw it; for a member, that their own adapter is used instead of the
 * team's for the same site.
 */
export function UserAdapterTeamShare({
  adapter,
  published,
  isManager,
  store,
}: {
  adapter: UserAdapter;
  published: readonly TeamUserAdapter[];
  isManager: boolean;
  store: TeamUserAdapterStore;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const mine = published.find((entry) => entry.id === adapter.id);
  const theirs = published.find((entry) => entry.id !== adapter.id && ownAdapterInstead(entry, [adapter]));

  const failed = (error: unknown) => {
    if (error instanceof NotOverrideManagerError) return t('teamFix.error.not_manager');
    if (error instanceof TeamApiError && error.code === 'forbidden_role') return t('teamFix.error.forbidden_role');
    return t('teamAdapter.error.failed', { reason: error instanceof Error ? error.message : String(error) });
  };
  const run = (work: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    work()
      .then(setOutcome)
      .catch((error: unknown) => setOutcome({ kind: 'error', message: failed(error) }))
      .finally(() => setBusy(false));
  };
  const publish = () => run(async () => ({ kind: 'published', version: (await store.publish(adapter)).version }));
  const withdraw = () =>
    run(async () => {
      await store.withdraw(adapter.id);
      return { kind: 'withdrawn' };
    });

  if (!isManager) {
    const other = theirs ?? mine;
    return other ? (
      <p className="op-help" data-testid="team-user-adapter-instead">
        {t('teamAdapter.ownInstead', { version: other.version, manager: other.updatedBy || '?' })}
      </p>
    ) : null;
  }
  return (
    <div className="op-team-fix" data-testid="team-user-adapter-share" data-state={mine ? 'published' : 'own'}>
      {mine ? (
        <span className="op-help" data-testid="team-user-adapter-published">
          {t('teamAdapter.publishedState', { version: mine.version, date: formatDateTime(mine.updatedAt, lang) })}{' '}
        </span>
      ) : null}
      <button type="button" className="op-secondary" disabled={busy} onClick={publish} data-testid="team-user-adapter-publish">
        {t(mine ? 'teamAdapter.republish' : 'teamAdapter.publish')}
      </button>
      {mine ? (
        <button type="button" className="op-secondary" disabled={busy} onClick={withdraw} data-testid="team-user-adapter-withdraw">
          {t('teamAdapter.withdraw')}
        </button>
      ) : null}
      {outcome ? (
        <p className={outcome.kind === 'error' ? 'op-field-error' : 'op-help'} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.kind === 'published'
            ? t('teamAdapter.published', { version: outcome.version })
            : outcome.kind === 'withdrawn'
              ? t('teamAdapter.withdrawn')
              : outcome.message}
        </p>
      ) : null}
    </div>
  );
}
