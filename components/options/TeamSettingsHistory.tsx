import { useState } from 'react';
import { formatDateTime } from '@/lib/i18n/format';
import type { TeamSettingsHistory as History } from '@/lib/sync/team-settings';
import { useI18n } from '../ui/i18n';
import { describeTeamSaveError } from './team-settings-mode';

const MINUTE = 60_000;

/**
 * The manager's audit trail: every saved version with who and when, and the figures that
 * most often change (SLA, threshold, target, floor). Loaded on request, not with the page.
 */
export function TeamSettingsHistory({ load }: { load: () => Promise<History> }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<{ kind: 'closed' } | { kind: 'loading' } | { kind: 'shown'; history: History } | { kind: 'failed'; reason: string }>({
    kind: 'closed',
  });

  const show = () => {
    setState({ kind: 'loading' });
    load()
      .then((history) => setState({ kind: 'shown', history }))
      .catch(async (error: unknown) => setState({ kind: 'failed', reason: await describeTeamSaveError(t, error) }));
  };

  return (
    <div data-testid="team-settings-history">
      {state.kind === 'shown' ? (
        <ol className="op-history">
          {state.history.versions.map((entry) => (
            <li key={entry.version} className="op-help" data-testid="team-settings-version" data-version={entry.version}>
              {t('teamSettings.history.row', {
                version: entry.version,
                who: entry.updatedBy || t('teamSettings.history.initial'),
                when: entry.updatedAt > 0 ? formatDateTime(entry.updatedAt, lang) : '—',
                sla: Math.round(entry.settings.cadence.firstAttemptSlaMs / MINUTE),
                threshold: entry.settings.cadence.closeAfterAttempts,
                target: entry.settings.monthlyTarget,
                floor: Math.round(entry.settings.conversionFloor * 1000) / 10,
              })}
            </li>
          ))}
        </ol>
      ) : (
        <button type="button" className="op-secondary" data-testid="team-settings-history-show" disabled={state.kind === 'loading'} onClick={show}>
          {t('teamSettings.history.show')}
        </button>
      )}
      {state.kind === 'failed' ? (
        <p className="op-field-error" role="alert">
          {state.reason}
        </p>
      ) : null}
    </div>
  );
}
