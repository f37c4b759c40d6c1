import { useCallback, useEffect, useState } from 'react';
import { statusRulesSchema, type StatusRule } from '@/lib/domain/status-rules';
import {
  readStatusRules,
  readUnknownStatuses,
  resetStatusRules,
  saveStatusRules,
  type UnknownCrmStatus,
} from '@/lib/storage/status-rules-item';
import { useI18n } from '../ui/i18n';
import { StatusRuleTable } from './status-rules/StatusRuleTable';

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
        <StatusRuleTable
          rules={rules}
          update={update}
          remove={(index) => {
            setNote(null);
            setRules((current) => (current ?? []).filter((_, i) => i !== index));
          }}
        />
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
