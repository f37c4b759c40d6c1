import { formatDateTime } from '@/lib/i18n/format';
import type { TeamSettingsHistory as History } from '@/lib/sync/team-settings';
import { useI18n } from '../ui/i18n';
import type { TeamSettingsMode } from './team-settings-mode';
import { TeamSettingsHistory } from './TeamSettingsHistory';

/** Says who sets the team-owned settings above the sections they cover; the manager gets the history. */
export function TeamManagedNotice({ mode, loadHistory }: { mode: TeamSettingsMode; loadHistory: () => Promise<History> }) {
  const { t, lang } = useI18n();
  if (mode.kind === 'own') return null;
  const { meta } = mode;
  const team = meta.teamName;
  let text: string;
  let help: string | null = null;
  switch (mode.kind) {
    case 'rep':
      text =
        meta.updatedBy && meta.updatedAt > 0
          ? t('teamSettings.repNotice', { manager: meta.updatedBy, team, version: meta.version, date: formatDateTime(meta.updatedAt, lang) })
          : t('teamSettings.repNoticeNoDate', { team, version: meta.version });
      help = `${t('teamSettings.repHelp')} ${t('teamSettings.offline')}`;
      break;
    case 'manager':
      text = t('teamSettings.managerNotice', { team, version: meta.version });
      help = t('teamSettings.managerHelp');
      break;
    case 'left':
      text = t('teamSettings.disconnected', { team, version: meta.version });
      break;
  }
  return (
    <section className="op-card" data-testid="team-settings-notice" data-mode={mode.kind} data-version={meta.version} role="note">
      <p>
        <strong>{text}</strong>
      </p>
      {help ? <p className="op-help">{help}</p> : null}
      {mode.kind === 'manager' ? <TeamSettingsHistory key={meta.version} load={loadHistory} /> : null}
    </section>
  );
}
