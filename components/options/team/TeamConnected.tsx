import { isManagerRole } from '@/lib/sync/roles';
import type { TeamInfo } from '@/lib/sync/connection';
import { useI18n } from '../../ui/i18n';
import type { Busy } from './team-api';
import '@/lib/i18n/messages/team';

export function TeamConnected({
  connection,
  busy,
  onTest,
  onSync,
  onDisconnect,
}: {
  connection: TeamInfo;
  busy: Busy;
  onTest: () => void;
  onSync: () => void;
  onDisconnect: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="op-stack-tight" data-testid="team-connected">
      <p>
        <strong data-testid="team-name">{t('team.connected', { team: connection.teamName })}</strong>
      </p>
      <dl className="op-facts">
        <dt className="op-help">{t('team.member')}</dt>
        <dd data-testid="team-member">
          {connection.name}
        </dd>
        <dt className="op-help">{t('team.role')}</dt>
        <dd data-testid="team-role" data-role={connection.role}>
          {t(`team.role.${connection.role}`)}
        </dd>
        <dt className="op-help">{t('team.visibility')}</dt>
        <dd data-testid="team-visibility" data-visibility={connection.visibility}>
          {t(`team.visibility.${connection.visibility}`)}
        </dd>
        <dt className="op-help">{t('team.server')}</dt>
        <dd className="op-break">{connection.serverUrl}</dd>
      </dl>
      {isManagerRole(connection.role) ? <p className="op-help">{t('team.leadNote')}</p> : null}
      <div className="op-actions">
        <button type="button" className="op-secondary" data-testid="team-test" disabled={busy !== null} onClick={onTest}>
          {busy === 'test' ? t('team.testing') : t('team.test')}
        </button>
        <button type="button" className="op-primary" data-testid="team-sync-now" disabled={busy !== null} onClick={onSync}>
          {busy === 'sync' ? t('team.syncing') : t('team.syncNow')}
        </button>
        <button type="button" className="op-secondary" data-testid="team-disconnect" disabled={busy !== null} onClick={onDisconnect}>
          {t('team.disconnect')}
        </button>
      </div>
      <p className="op-help">{t('team.disconnectHelp')}</p>
    </div>
  );
}
