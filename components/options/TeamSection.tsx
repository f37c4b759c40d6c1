import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { leadpaceDb, type LeadpaceDb, type StoredEvent, type SyncStateRow } from '@/lib/db/schema';
import { countPending, countRejected, readSyncState, rejectedEvents } from '@/lib/db/sync-writes';
import type { Translate } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import { describeSyncLine, describeTeamError } from '@/lib/i18n/team-errors';
import { sendMessage, type TeamResult } from '@/lib/messaging';
import type { SyncOutcome } from '@/lib/sync/client';
import type { TeamInfo } from '@/lib/sync/connection';
import { teamErrorCodeOfLine } from '@/lib/sync/error-codes';
import { normaliseServerUrl } from '@/lib/sync/http';
import { parseInvitation } from '@/lib/sync/invitation';
import { useI18n } from '../ui/i18n';
import { useTeamConnection } from '../ui/use-team-connection';
import { refusalKey } from '@/lib/i18n/refusals';
import type { AuditPage } from '@/lib/sync/team-audit';
import { TeamChangeHistory } from './TeamChangeHistory';

/** What this section asks of the background; injectable for tests. */
export interface TeamOptionsApi {
  connect: (input: { serverUrl: string; secret: string }) => Promise<TeamResult<TeamInfo>>;
  test: () => Promise<TeamResult<TeamInfo>>;
  syncNow: () => Promise<TeamResult<SyncOutcome>>;
  disconnect: () => Promise<TeamResult<null>>;
  invitation: (code: string) => Promise<TeamResult<{ code: string; link: string }>>;
}

const messageApi: TeamOptionsApi = {
  connect: (input) => sendMessage('team/connect', input),
  test: () => sendMessage('team/test', {}),
  syncNow: () => sendMessage('team/sync-now', {}),
  disconnect: () => sendMessage('team/disconnect', {}),
  invitation: (code) => sendMessage('team/invitation', { code }),
};

type Failure = Extract<TeamResult<unknown>, { ok: false }>;

/** The failure's code in the rep's language; the English reason is never shown. */
export function describeTeamFailure(t: Translate, failure: Failure): string {
  return describeTeamError(t, failure.apiCode);
}

interface SyncView {
  state: SyncStateRow;
  pending: number;
  rejectedCount: number;
  rejected: StoredEvent[];
  restored: number;
}

async function loadSyncView(db: LeadpaceDb): Promise<SyncView> {
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

type Busy = 'connect' | 'test' | 'sync' | 'disconnect' | null;
type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function TeamSection({
  api = messageApi,
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
        <form className="op-card-form" onSubmit={onConnect} style={{ display: 'grid', gap: 12 }}>
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
        <Connected
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
      {connection?.role === 'lead' ? <Invite api={api} /> : null}
      {connection?.role === 'lead' ? <TeamChangeHistory load={loadChanges} /> : null}
      {connection && sync ? <SyncState sync={sync} when={when} isLead={connection.role === 'lead'} /> : null}
    </section>
  );
}

function Connected({
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
    <div style={{ display: 'grid', gap: 10 }} data-testid="team-connected">
      <p>
        <strong data-testid="team-name">{t('team.connected', { team: connection.teamName })}</strong>
      </p>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 14px', margin: 0 }}>
        <dt className="op-help">{t('team.member')}</dt>
        <dd style={{ margin: 0 }} data-testid="team-member">
          {connection.name}
        </dd>
        <dt className="op-help">{t('team.role')}</dt>
        <dd style={{ margin: 0 }} data-testid="team-role" data-role={connection.role}>
          {t(`team.role.${connection.role}`)}
        </dd>
        <dt className="op-help">{t('team.visibility')}</dt>
        <dd style={{ margin: 0 }} data-testid="team-visibility" data-visibility={connection.visibility}>
          {t(`team.visibility.${connection.visibility}`)}
        </dd>
        <dt className="op-help">{t('team.server')}</dt>
        <dd style={{ margin: 0, wordBreak: 'break-all' }}>{connection.serverUrl}</dd>
      </dl>
      {connection.role === 'lead' ? <p className="op-help">{t('team.leadNote')}</p> : null}
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

/**
 * A manager turns a pairing code from the server admin into an invitation: the code, then `#`
 * and the team key. The key exists only in the team's browsers, so a rep can join only this way.
 */
function Invite({ api }: { api: TeamOptionsApi }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [made, setMade] = useState<{ code: string; link: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const onMake = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCopied(false);
    if (code.trim() === '') {
      setError(t('team.invite.codeMissing'));
      return;
    }
    const result = await api.invitation(code.trim()).catch(() => null);
    if (result === null) setError(describeTeamError(t, 'unknown'));
    else if (result.ok) setMade(result.value);
    else setError(describeTeamFailure(t, result));
  };

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <form onSubmit={(e) => void onMake(e)} style={{ display: 'grid', gap: 8 }} data-testid="team-invite">
      <h3 style={{ margin: 0, fontSize: 14 }}>{t('team.invite.title')}</h3>
      <p className="op-help">{t('team.invite.help')}</p>
      <div className="op-field">
        <label htmlFor="team-invite-code">{t('team.invite.code')}</label>
        <input
          id="team-invite-code"
          data-testid="team-invite-code"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <div className="op-actions">
        <button type="submit" className="op-secondary" data-testid="team-invite-make">
          {t('team.invite.make')}
        </button>
      </div>
      {error ? (
        <p className="op-field-error" role="alert" data-testid="team-invite-error">
          {error}
        </p>
      ) : null}
      {made ? (
        <div className="op-field">
          <label htmlFor="team-invite-link">{t('team.invite.link')}</label>
          <input id="team-invite-link" data-testid="team-invite-link" type="text" readOnly value={made.link} onFocus={(e) => e.target.select()} />
          <span className="op-help">{t('team.invite.linkHelp')}</span>
          <div className="op-actions">
            <button type="button" className="op-secondary" data-testid="team-invite-copy" onClick={() => void copy(made.link)}>
              {copied ? t('team.invite.copied') : t('team.invite.copy')}
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

function SyncState({ sync, when, isLead }: { sync: SyncView; when: (ms: number) => string; isLead: boolean }) {
  const { t } = useI18n();
  const { state } = sync;
  return (
    <div data-testid="team-sync-state" style={{ display: 'grid', gap: 8 }}>
      <h3 style={{ margin: 0, fontSize: 14 }}>{t('team.sync')}</h3>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 14px', margin: 0 }}>
        {isLead ? null : (
          <>
            <dt className="op-help">{t('team.pending')}</dt>
            <dd style={{ margin: 0 }} data-testid="team-pending" data-count={sync.pending}>
              {sync.pending}
            </dd>
          </>
        )}
        <dt className="op-help">{t('team.lastSuccess')}</dt>
        <dd style={{ margin: 0 }} data-testid="team-last-success" data-at={state.lastSuccessAt ?? ''}>
          {state.lastSuccessAt === null ? t('team.never') : when(state.lastSuccessAt)}
        </dd>
        {state.lastError ? (
          <>
            <dt className="op-help">{t('team.lastError')}</dt>
            <dd className="op-field-error" style={{ margin: 0 }} data-testid="team-last-error" data-code={teamErrorCodeOfLine(state.lastError)}>
              {describeSyncLine(t, state.lastError)}
            </dd>
          </>
        ) : null}
        {state.lastError && state.nextAttemptAt > 0 ? (
          <>
            <dt className="op-help">{t('team.nextTry')}</dt>
            <dd style={{ margin: 0 }} data-testid="team-next-try">
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
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
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
