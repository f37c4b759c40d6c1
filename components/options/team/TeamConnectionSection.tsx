import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { leadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { formatDateTime } from '@/lib/i18n/format';
import { describeSyncLine, describeTeamError } from '@/lib/i18n/team-errors';
import type { TeamResult } from '@/lib/messaging';
import type { SyncOutcome } from '@/lib/sync/client';
import { normaliseServerUrl } from '@/lib/sync/http';
import { parseInvitation } from '@/lib/sync/invitation';
import { isManagerRole } from '@/lib/sync/roles';
import type { AuditPage } from '@/lib/sync/team-audit';
import { useI18n } from '../../ui/i18n';
import { useTeamConnection } from '../../ui/use-team-connection';
import { TeamChangeHistory } from '../TeamChangeHistory';
import { describeTeamFailure, messageTeamApi, type Busy, type TeamOptionsApi } from './team-api';
import { TeamConnected } from './TeamConnected';
import { TeamInvite } from './TeamInvite';
import { loadSyncView, TeamSyncState } from './TeamSyncState';

export type { TeamOptionsApi } from './team-api';
export { describeTeamFailure } from './team-api';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** Options → Team: connect this browser to the team server, and the connection's state. */
export function TeamConnectionSection({
  api = messageTeamApi,
  db: injectedDb,
  loadChanges,
}: {
  api?: TeamOptionsApi;
  db?: LeadpaceDb;
  /** The change history's pages; the server's by default. */
  loadChanges?: (before: string | null) => Promise<AuditPage>;
}) {
  const { t, lang } = useI18n();
  const [db] = useState(() => injectedDb ?? leadpaceDb());
  const connection = useTeamConnection();
  const sync = useLiveQuery(() => loadSyncView(db), [db]);
  const [serverUrl, setServerUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const when = (ms: number) => formatDateTime(ms, lang, Date.now());

  async function act<T>(kind: Exclude<Busy, null>, call: () => Promise<TeamResult<T>>, onOk: (value: T) => Notice) {
    setBusy(kind);
    setNotice(null);
    try {
      const result = await call();
      setNotice(result.ok ? onOk(result.value) : { kind: 'error', text: describeTeamFailure(t, result) });
    } catch {
      setNotice({ kind: 'error', text: describeTeamError(t, 'unknown') });
    } finally {
      setBusy(null);
    }
  }

  const onConnect = (event: FormEvent) => {
    event.preventDefault();
    // Checked here too, so a mistake is explained in the rep's language, not the browser's.
    // An invitation link names its server: the address field may then stay empty.
    const invited = parseInvitation(secret);
    const url = normaliseServerUrl(invited.ok && invited.invitation.serverUrl ? invited.invitation.serverUrl : serverUrl);
    if (!url) {
      setNotice({ kind: 'error', text: describeTeamError(t, 'invalid_url') });
      return;
    }
    setServerUrl(url);
    if (secret.trim() === '') {
      setNotice({ kind: 'error', text: describeTeamError(t, 'missing_token') });
      return;
    }
    void act('connect', () => api.connect({ serverUrl: url, secret: secret.trim() }), () => {
      setSecret('');
      return null;
    });
  };

  const describeOutcome = (outcome: SyncOutcome): Notice => {
    switch (outcome.status) {
      case 'ok':
        return { kind: 'ok', text: t('team.result.ok', { sent: outcome.sent, duplicates: outcome.duplicates, rejected: outcome.rejected }) };
      case 'waiting':
        return { kind: 'ok', text: t('team.result.waiting', { time: when(outcome.nextAttemptAt) }) };
      case 'retrying':
        return { kind: 'error', text: t('error.sync.retrying', { reason: describeSyncLine(t, outcome.error), time: when(outcome.nextAttemptAt) }) };
      case 'blocked':
        return { kind: 'error', text: t('error.sync.blocked', { reason: describeSyncLine(t, outcome.error) }) };
      case 'disconnected':
        return { kind: 'error', text: t('team.result.disconnected') };
    }
  };

  return (
    <section className="op-card" aria-labelledby="op-team-title" data-testid="team-section" data-connected={connection ? 'true' : 'false'}>
      <h2 id="op-team-title">{t('team.title')}</h2>
      <p className="op-help">{t('team.intro')}</p>
      {connection === undefined ? null : connection === null ? (
        <form className="op-card-form op-stack" onSubmit={onConnect}>
          <div className="op-field">
            <label htmlFor="team-server-url">{t('team.serverUrl')}</label>
            <input
              id="team-server-url"
              data-testid="team-server-url"
              type="text"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              placeholder="leadpace.yourdealer.nl"
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
            />
            <span className="op-help">{t('team.serverUrlHelp')}</span>
          </div>
          <div className="op-field">
            <label htmlFor="team-secret">{t('team.secret')}</label>
            <input
              id="team-secret"
              data-testid="team-secret"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
            <span className="op-help">{t('team.secretHelp')}</span>
          </div>
          <div className="op-actions">
            <button type="submit" className="op-primary" data-testid="team-connect" disabled={busy !== null}>
              {busy === 'connect' ? t('team.connecting') : t('team.connect')}
            </button>
          </div>
        </form>
      ) : (
        <TeamConnected
          connection={connection}
          busy={busy}
          onTest={() => void act('test', api.test, (info) => ({ kind: 'ok', text: t('team.testOk', { time: when(info.checkedAt) }) }))}
          onSync={() => void act('sync', api.syncNow, describeOutcome)}
          onDisconnect={() => void act('disconnect', api.disconnect, () => null)}
        />
      )}
      {notice ? (
        <p
          className={notice.kind === 'error' ? 'op-field-error' : 'op-saved'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'team-error' : 'team-notice'}
        >
          {notice.text}
        </p>
      ) : null}
      {isManagerRole(connection?.role) ? <TeamInvite api={api} /> : null}
      {isManagerRole(connection?.role) ? <TeamChangeHistory load={loadChanges} /> : null}
      {connection && sync ? <TeamSyncState sync={sync} when={when} isManager={isManagerRole(connection.role)} /> : null}
    </section>
  );
}
