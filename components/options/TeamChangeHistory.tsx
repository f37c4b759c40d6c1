import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n';
import { readTeamAudit } from '@/lib/sync/team-audit-client';
import type { AuditEntry, AuditPage } from '@/lib/sync/team-audit';
import { useI18n } from '../ui/i18n';
import { describeTeamSaveError } from './team-settings-mode';
import '@/lib/i18n/messages/team-audit';

const browserFetch = { fetch: (input: string, init: RequestInit) => fetch(input, init), now: Date.now };
const loadFromServer = (before: string | null) => readTeamAudit(browserFetch, before);

const VISIBILITY_KEYS = {
  named: 'teamAudit.visibility.named',
  pseudonymous: 'teamAudit.visibility.pseudonymous',
  'team-only': 'teamAudit.visibility.team-only',
} as const;

const visibilityLabel = (t: Translate, value: string | null): string =>
  value !== null && Object.hasOwn(VISIBILITY_KEYS, value) ? t(VISIBILITY_KEYS[value as keyof typeof VISIBILITY_KEYS]) : (value ?? '—');

function describeEntry(t: Translate, lang: Lang, entry: AuditEntry): string {
  const who = entry.actor ? t('teamAudit.actor', { name: entry.actor.name, role: t(`teamAudit.role.${entry.actor.role}`) }) : t('teamAudit.admin');
  const when = formatDateTime(entry.at, lang);
  const changed = entry.changed.join(', ');
  switch (entry.kind) {
    case 'settings':
      return entry.changed.length > 0
        ? t('teamAudit.kind.settings', { when, who, version: entry.version ?? '?', changed })
        : t('teamAudit.kind.settingsNone', { when, who, version: entry.version ?? '?' });
    case 'visibility':
      return t('teamAudit.kind.visibility', { when, who, from: visibilityLabel(t, entry.from), to: visibilityLabel(t, entry.to) });
    case 'retention':
      return t('teamAudit.kind.retention', { when, who, from: entry.from ?? '?', to: entry.to ?? '?' });
    case 'adapter_override':
      return t('teamAudit.kind.adapter_override', { when, who, changed });
    case 'member_purged':
      return t('teamAudit.kind.member_purged', { when, who });
  }
}

type State =
  | { kind: 'closed' }
  | { kind: 'loading'; entries: AuditEntry[] }
  | { kind: 'shown'; entries: AuditEntry[]; next: string | null }
  | { kind: 'failed'; entries: AuditEntry[]; next: string | null; reason: string };

/**
 * The team's change history from the server, for the manager: loaded on request and page by
 * page, since a long-lived team collects many entries.
 */
export function TeamChangeHistory({ load = loadFromServer }: { load?: (before: string | null) => Promise<AuditPage> }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<State>({ kind: 'closed' });

  const fetchPage = (entries: AuditEntry[], before: string | null) => {
    setState({ kind: 'loading', entries });
    load(before)
      .then((page) => setState({ kind: 'shown', entries: [...entries, ...page.entries], next: page.next }))
      .catch(async (error: unknown) => setState({ kind: 'failed', entries, next: before, reason: await describeTeamSaveError(t, error) }));
  };

  const entries = state.kind === 'closed' ? [] : state.entries;
  const next = state.kind === 'shown' || state.kind === 'failed' ? state.next : null;
  return (
    <div data-testid="team-change-history">
      <h3>{t('teamAudit.title')}</h3>
      <p className="op-help">{t('teamAudit.help')}</p>
      {entries.length > 0 ? (
        <ol className="op-history">
          {entries.map((entry) => (
            <li key={entry.id} className="op-help" data-testid="team-change" data-kind={entry.kind}>
              {describeEntry(t, lang, entry)}
            </li>
          ))}
        </ol>
      ) : null}
      {state.kind === 'shown' && entries.length === 0 ? <p className="op-help">{t('teamAudit.empty')}</p> : null}
      {state.kind === 'closed' || (state.kind !== 'shown' && entries.length === 0) ? (
        <button type="button" className="op-secondary" data-testid="team-change-history-show" disabled={state.kind === 'loading'} onClick={() => fetchPage([], null)}>
          {t('teamAudit.show')}
        </button>
      ) : null}
      {next !== null || (state.kind === 'loading' && entries.length > 0) ? (
        <button type="button" className="op-secondary" data-testid="team-change-history-more" disabled={state.kind === 'loading'} onClick={() => fetchPage(entries, next)}>
          {t('teamAudit.more')}
        </button>
      ) : null}
      {state.kind === 'failed' ? (
        <p className="op-field-error" role="alert">
          {state.reason}
        </p>
      ) : null}
    </div>
  );
}
