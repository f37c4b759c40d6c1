import { LOST_REASONS, type LostReason } from '@/lib/domain/model';
import { STATUS_RULE_TARGETS, type StatusRule, type StatusRuleTarget } from '@/lib/domain/status-rules';
import { useI18n } from '../../ui/i18n';
import '@/lib/i18n/messages/common';
import '@/lib/i18n/messages/crm-status';

const isTarget = (value: string): value is StatusRuleTarget => (STATUS_RULE_TARGETS as readonly string[]).includes(value);
const isReason = (value: string): value is LostReason => (LOST_REASONS as readonly string[]).includes(value);

/** The rules as an editable table: the CRM's text, the Leadpace status, and a lost reason. */
export function StatusRuleTable({
  rules,
  update,
  remove,
}: {
  rules: readonly StatusRule[];
  update: (index: number, patch: Partial<StatusRule>) => void;
  remove: (index: number) => void;
}) {
  const { t } = useI18n();
  return (
    <table data-testid="status-rule-table" className="op-rule-table">
      <thead>
        <tr>
          <th scope="col">{t('options.statusRules.match')}</th>
          <th scope="col">{t('options.statusRules.status')}</th>
          <th scope="col">{t('options.statusRules.lostReason')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {rules.map((rule, index) => (
          // Rows have no identity of their own; the index is what the dealer sees as "rule n".
          <tr key={index} data-testid="status-rule">
            <td>
              <input
                aria-label={`${t('options.statusRules.match')} ${index + 1}`}
                data-testid="status-rule-match"
                value={rule.match}
                maxLength={100}
                onChange={(event) => update(index, { match: event.target.value })}
              />
            </td>
            <td>
              <select
                aria-label={`${t('options.statusRules.status')} ${index + 1}`}
                data-testid="status-rule-status"
                value={rule.status}
                onChange={(event) => isTarget(event.target.value) && update(index, { status: event.target.value })}
              >
                {STATUS_RULE_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {target === 'ignore' ? t('options.statusRules.ignore') : t(`status.${target}`)}
                  </option>
                ))}
              </select>
            </td>
            <td>
              {rule.status === 'lost' ? (
                <select
                  aria-label={`${t('options.statusRules.lostReason')} ${index + 1}`}
                  data-testid="status-rule-reason"
                  value={rule.lostReason ?? 'other'}
                  onChange={(event) => isReason(event.target.value) && update(index, { lostReason: event.target.value })}
                >
                  {LOST_REASONS.map((reason) => (
                    <option key={reason} value={reason}>
                      {t(`lostReason.${reason}`)}
                    </option>
                  ))}
                </select>
              ) : null}
            </td>
            <td>
              <button
                type="button"
                className="op-secondary"
                onClick={() => remove(index)}
              >
                {t('options.statusRules.remove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
