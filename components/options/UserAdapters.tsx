import { useState } from 'react';
import { exportUserAdapters, parseUserAdapterFile, type UserAdapter } from '@/lib/adapters/user/schema';
import { isManagerRole } from '@/lib/sync/roles';
import { useTeamConnection } from '../ui/use-team-connection';
import { browserTeamUserAdapters, useTeamUserAdapters, type TeamUserAdapterStore } from './team-user-adapter-store';
import { UserAdapterTeamShare } from './UserAdapterTeamShare';
import { fileDate, type Download } from '../ui/download';
import { useI18n } from '../ui/i18n';
import { ExportButton, ImportFileButton } from '../ui/ImportExport';
import '@/lib/i18n/messages/picker';

/** Reading and writing the dealer's own adapters; injectable for tests. */
export interface UserAdapterStore {
  load: () => Promise<UserAdapter[]>;
  save: (adapters: readonly UserAdapter[]) => Promise<{ ok: true } | { ok: false; reason: string }>;
  remove: (id: string) => Promise<void>;
}

type Notice = { kind: 'imported'; names: string } | { kind: 'rejected'; reason: string } | { kind: 'removed'; name: string };

/**
 * The dealer's own adapters ("Add my CRM"): share them as a JSON file and import a colleague's.
 * An import is checked whole first; a bad file changes nothing.
 */
export function UserAdapters({
  adapters,
  store,
  download,
  onChanged,
  team = browserTeamUserAdapters,
}: {
  adapters: readonly UserAdapter[];
  store: UserAdapterStore;
  download: Download;
  onChanged: () => void;
  /** The user adapters published to the team: the manager publishes from here. */
  team?: TeamUserAdapterStore;
}) {
  const { t } = useI18n();
  const connection = useTeamConnection();
  const published = useTeamUserAdapters(team);
  const [notice, setNotice] = useState<Notice | null>(null);

  const importText = async (text: string) => {
    const parsed = parseUserAdapterFile(text);
    if (!parsed.ok) {
      setNotice({ kind: 'rejected', reason: parsed.reason });
      return;
    }
    const saved = await store.save(parsed.adapters);
    if (!saved.ok) {
      setNotice({ kind: 'rejected', reason: saved.reason });
      return;
    }
    setNotice({ kind: 'imported', names: parsed.adapters.map((adapter) => adapter.name).join(', ') });
    onChanged();
  };
  const rejected = (reason: string) => setNotice({ kind: 'rejected', reason });

  const remove = (adapter: UserAdapter) => {
    setNotice(null);
    store
      .remove(adapter.id)
      .then(() => {
        setNotice({ kind: 'removed', name: adapter.name });
        onChanged();
      })
      .catch((error: unknown) => rejected(error instanceof Error ? error.message : String(error)));
  };

  return (
    <div className="op-user-adapters" data-testid="user-adapters">
      <h3>{t('options.userAdapters')}</h3>
      <p className="op-help">{t('options.userAdapters.help')}</p>
      {adapters.length === 0 ? <p className="op-help">{t('options.userAdapters.none')}</p> : null}
      <ul className="op-crms">
        {adapters.map((adapter) => (
          <li key={adapter.id} className="op-crm" data-testid="user-adapter" data-crm={adapter.id}>
            <div className="op-crm-main">
              <strong>{adapter.name}</strong>
              <span className="op-help">{adapter.origin}</span>
              {connection ? (
                <UserAdapterTeamShare adapter={adapter} published={published} isManager={isManagerRole(connection.role)} store={team} />
              ) : null}
            </div>
            <ExportButton
              label={t('options.userAdapters.export')}
              testId="user-adapter-export"
              filename={() => `leadpace-adapter-${adapter.id}-${fileDate()}.json`}
              text={() => exportUserAdapters([adapter])}
              download={download}
              onFailed={rejected}
            />
            <button type="button" className="op-secondary" data-testid="user-adapter-remove" onClick={() => remove(adapter)}>
              {t('options.userAdapters.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="op-actions">
        <ImportFileButton
          label={t('options.userAdapters.import')}
          testId="user-adapter-import"
          onPick={() => setNotice(null)}
          onText={importText}
          onFailed={rejected}
        />
        {adapters.length > 1 ? (
          <ExportButton
            label={t('options.userAdapters.exportAll')}
            filename={() => `leadpace-adapters-${fileDate()}.json`}
            text={() => exportUserAdapters(adapters)}
            download={download}
            onFailed={rejected}
          />
        ) : null}
      </div>
      <div aria-live="polite">
        {notice?.kind === 'imported' ? (
          <p className="op-saved" data-testid="user-adapter-notice" data-state="imported">
            {t('options.userAdapters.imported', { names: notice.names })}
          </p>
        ) : null}
        {notice?.kind === 'removed' ? (
          <p className="op-saved" data-testid="user-adapter-notice" data-state="removed">
            {t('options.userAdapters.removed', { name: notice.name })}
          </p>
        ) : null}
        {notice?.kind === 'rejected' ? (
          <p className="op-field-error" role="alert" data-testid="user-adapter-notice" data-state="rejected">
            {t('options.userAdapters.rejected', { reason: notice.reason })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
