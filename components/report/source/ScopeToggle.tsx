import { useI18n } from '@/components/ui/i18n';
import '@/lib/i18n/messages/report-team';

export type ReportScope = 'mine' | 'team';

const SCOPES: ReportScope[] = ['mine', 'team'];

/** My leads (this browser) or the whole team (the team server); shown only to a connected rep. */
export function ScopeToggle({ scope, onScope }: { scope: ReportScope; onScope: (scope: ReportScope) => void }) {
  const { t } = useI18n();
  return (
    <div className="rp-scope rp-no-print" role="group" aria-label={t('report.scope.label')} data-testid="report-scope" data-scope={scope}>
      {SCOPES.map((s) => (
        <button key={s} type="button" aria-pressed={scope === s} data-testid={`report-scope-${s}`} onClick={() => onScope(s)}>
          {t(s === 'mine' ? 'report.scope.mine' : 'report.scope.team')}
        </button>
      ))}
    </div>
  );
}
