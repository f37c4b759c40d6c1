import { useCallback, useEffect, useState } from 'react';
import { LOST_REASONS, type LostReason } from '@/lib/domain/model';
import { STATUS_RULE_TARGETS, statusRulesSchema, type StatusRule, type StatusRuleTarget } from '@/lib/domain/status-rules';
import {
  readStatusRules,
  readUnknownStatuses,
  resetStatusRules,
  saveStatusRules,
  type UnknownCrmStatus,
} from '@/lib/status-rules-store';
import { useI18n } from '../ui/i18n';

/** Where the rules and the unknown texts live; injectable for tests. */
export interface StatusRulesStore {
  load: () => Promise<StatusRule[]>;
  save: (rules: StatusRule[]) => Promise<StatusRule[]>;
  reset: () => Promise<StatusRule[]>;
  unknown: () => Promise<UnknownCrmStatus[]>;
}

export const storageStatusRules: StatusRulesStore = {
  load: readStatusRules,
  save: saveStatusRules,
  reset: resetStatusRules,
  unknown: readUnknownStatuses,
};

type Note = { kind: 'saved' } | { kind: 'error'; text: string } | null;

const isTarget = (value: string): value is StatusRuleTarget => (STATUS_RULE_TARGETS as readonly string[]).includes(value);
const isReason = (value: string): value is LostReason => (LOST_REASONS as readonly string[]).includes(value);

/**
 * Options → CRM status: the rules that map the CRM's own status texts to Leadpace statuses, and
 * the texts no rule knows yet, each one click from a rule of its own.
 */
export function StatusRules({ store = storageStatusRules }: { store?: StatusRulesStore }) {
  const { t } = useI18n();
  const [rules, setRules] = useState<StatusRule[] | null>(null);
  const [unknown, setUnknown] = useState<UnknownCrmStatus[]>([]);
  const [note, setNote] = useState<Note>(null);
  // A hundred default rows are long to read and slow to render: shown on demand.
  const [editing, setEditing] = useState(false);

  const refreshUnknown = useCallback(() => {
    void store.unknown().then(setUnknown).catch(() => setUnknown([]));
  }, [store]);
  useEffect(() => {
    void store
      .load()
      .then(setRules)
      .catch((error: unknown) => setNote({ kind: 'error', text: t('options.statusRules.failed', { reason: String(error) }) }));
    refreshUnknown();
  }, [store, refreshUnknown, t]);

  const update = (index: number, patch: Partial<StatusRule>) => {
    setNote(null);
    setRules((current) =>
      (current ?? []).map((rule, i) => {
        if (i !== index) return rule;
        const next = { ...rule, ...patch };
        if (next.status !== 'lost') delete next.lostReason;
        else next.lostReason ??= 'other';
        return next;
      }),
    );
  };

  const save = () => {
    if (!rules) return;
    const empty = rules.findIndex((rule) => rule.match.trim() === '');
    if (empty !== -1) {
      setNote({ kind: 'error', text: t('options.statusRules.invalid', { row: empty + 1, reason: t('options.statusRules.emptyMatch') }) });
      return;
    }
    const parsed = statusRulesSchema.safeParse(rules);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const row = typeof issue?.path[0] === 'number' ? issue.path[0] + 1 : 1;
      setNote({ kind: 'error', text: t('options.statusRules.invalid', { row, reason: issue?.message ?? '' }) });
      return;
    }
    store
      .save(parsed.data)
      .then((saved) => {
        setRules(saved);
        setNote({ kind: 'saved' });
        refreshUnknown();
      })
      .catch((error: unknown) =>
        setNote({ kind: 'error', text: t('options.statusRules.failed', { reason: error instanceof Error ? error.message : String(error) }) }),
      );
  };

  const reset = () => {
    store
      .reset()
      .then((defaults) => {
        setRules(defaults);
        setNote(null);
        refreshUnknown();
      })
      .catch((error: unknown) => setNote({ kind: 'error', text: t('options.statusRules.failed', { reason: String(error) }) }));
  };

  // A mapped text goes on top: the first matching rule wins, and the dealer's word is the most specific.
  const map = (text: string) => {
    setNote(null);
    setEditing(true);
    setRules((current) => [{ match: text, status: 'ignore' }, ...(current ?? [])]);
  };

  return (
    <section className="op-card" aria-labelledby="op-status-rules-title" data-testid="status-rules">
      <h2 id="op-status-rules-title">{t('options.statusRules.title')}</h2>
      <p className="op-help">{t('options.statusRules.intro')}</p>

      <h3>{t('options.statusRules.unknownTitle')}</h3>
      {unknown.length === 0 ? (
        <p className="op-help" data-testid="unknown-statuses-none">
          {t('options.statusRules.unknownNone')}
        </p>
      ) : (
        <>
          <p className="op-help">{t('options.statusRules.unknownHelp')}</p>
          <ul data-testid="unknown-statuses">
            {unknown.map((u) => (
              <li key={`${u.crm}:${u.text}`} data-testid="unknown-status" data-text={u.text}>
                <strong>{u.text}</strong> <span className="op-help">{t('options.statusRules.unknownSeen', { crm: u.crm, count: u.count })}</span>{' '}
                <button type="button" className="op-secondary" data-testid="map-unknown" onClick={() => map(u.text)}>
                  {t('options.statusRules.map')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <p className="op-help">{t('options.statusRules.help')}</p>
      {!editing ? (
        <button type="button" className="op-secondary" data-testid="status-rules-edit" disabled={rules === null} onClick={() => setEditing(true)}>
          {t('options.statusRules.edit', { count: rules?.length ?? 0 })}
        </button>
      ) : rules === null ? null : (
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
                    onClick={() => {
                      setNote(null);
                      setRules((current) => (current ?? []).filter((_, i) => i !== index));
                    }}
                  >
                    {t('options.statusRules.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="op-actions">
        <button
          type="button"
          className="op-secondary"
          data-testid="status-rule-add"
          onClick={() => {
            setEditing(true);
            setRules((current) => [...(current ?? []), { match: '', status: 'ignore' }]);
          }}
        >
          {t('options.statusRules.add')}
        </button>
        <button type="button" className="op-primary" data-testid="status-rules-save" disabled={rules === null} onClick={save}>
          {t('options.statusRules.save')}
        </button>
        <button type="button" className="op-secondary" data-testid="status-rules-reset" onClick={reset}>
          {t('options.statusRules.reset')}
        </button>
        {note?.kind === 'saved' ? (
          <span className="op-saved" role="status">
            {t('options.statusRules.saved')}
          </span>
        ) : null}
      </div>
      {note?.kind === 'error' ? (
        <p className="op-field-error" role="alert" data-testid="status-rules-error">
          {note.text}
        </p>
      ) : null}
    </section>
  );
}
