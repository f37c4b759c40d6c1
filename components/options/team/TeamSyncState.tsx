import type { LeadpaceDb, StoredEvent, SyncStateRow } from '@/lib/db/schema';
import { countPending, countRejected, readSyncState, rejectedEvents } from '@/lib/db/sync-writes';
import { refusalKey } from '@/lib/i18n/refusals';
import { describeSyncLine } from '@/lib/i18n/team-errors';
import { teamErrorCodeOfLine } from '@/lib/sync/error-codes';
import { useI18n } from '../../ui/i18n';
import '@/lib/i18n/messages/team';

export interface SyncView {
  state: SyncStateRow;
  pending: number;
  rejectedCount: number;
  rejected: StoredEvent[];
  restored: number;
}

export async function loadSyncView(db: LeadpaceDb): Promise<SyncView> {
  return db.transaction('r', db.events, db.syncState, db.restoredEvents, async () => {
    const [state, pending, rejectedCount, rejected, restored] = await Promise.all([
      readSyncState(db),
      countPending(db),
      countRejected(db),
      rejectedEvents(db, 20),
      db.restoredEvents.count(),
    ]);
    return { state, pending, rejectedCount, rejected, restored };
  });
}

export function TeamSyncState({ sync, when, isManager }: { sync: SyncView; when: (ms: number) => string; isManager: boolean }) {
  const { t } = useI18n();
  const { state } = sync;
  return (
    <div data-testid="team-sync-state" className="op-stack-tight">
      <h3 className="op-subtitle">{t('team.sync')}</h3>
      <dl className="op-facts">
        {isManager ? null : (
          <>
            <dt className="op-help">{t('team.pending')}</dt>
            <dd data-testid="team-pending" data-count={sync.pending}>
              {sync.pending}
            </dd>
          </>
        )}
        <dt className="op-help">{t('team.lastSuccess')}</dt>
        <dd data-testid="team-last-success" data-at={state.lastSuccessAt ?? ''}>
          {state.lastSuccessAt === null ? t('team.never') : when(state.lastSuccessAt)}
        </dd>
        {state.lastError ? (
          <>
            <dt className="op-help">{t('team.lastError')}</dt>
            <dd className="op-field-error" data-testid="team-last-error" data-code={teamErrorCodeOfLine(state.lastError)}>
              {describeSyncLine(t, state.lastError)}
            </dd>
          </>
        ) : null}
        {state.lastError && state.nextAttemptAt > 0 ? (
          <>
            <dt className="op-help">{t('team.nextTry')}</dt>
            <dd data-testid="team-next-try">
              {when(state.nextAttemptAt)}
            </dd>
          </>
        ) : null}
      </dl>
      {sync.restored > 0 ? (
        <p className="op-help" data-testid="team-restored" data-count={sync.restored}>
          {t('team.restored', { count: sync.restored })}
        </p>
      ) : null}
      {sync.rejectedCount > 0 ? (
        <div data-testid="team-rejected" data-count={sync.rejectedCount}>
          <p className="op-field-error">{t('team.rejected', { count: sync.rejectedCount })}</p>
          <p className="op-help">{t('team.rejectedHelp')}</p>
          <ul className="op-list">
            {sync.rejected.map((event) => (
              <li key={event.id} data-testid="team-rejected-row" className="op-help" title={event.syncError}>
                {t('team.rejectedRow', { type: t(`team.type.${event.type}`), time: when(event.at), reason: t(refusalKey(event.syncError)) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
