import { useState } from 'react';
import { ADAPTER_OVERRIDE_KIND, OVERRIDE_FIELDS, parseAdapterOverride, type AdapterOverride, type OverrideField } from '@/lib/adapters/overrides/schema';
import type { MessageKey } from '@/lib/i18n';
import type { TeamAdapterOverride } from '@/lib/sync/adapter-overrides';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/team-settings';

export const FIELD_LABEL: Record<OverrideField, MessageKey> = {
  name: 'teamFix.field.name',
  phone: 'teamFix.field.phone',
  email: 'teamFix.field.email',
  source: 'teamFix.field.source',
  vehicle: 'teamFix.field.vehicle',
  receivedAt: 'teamFix.field.receivedAt',
  status: 'teamFix.field.status',
};

type Lines = Record<OverrideField, string>;

function linesOf(current: AdapterOverride | undefined): Lines {
  const lines = {} as Lines;
  for (const field of OVERRIDE_FIELDS) lines[field] = (current?.fields[field] ?? []).join('\n');
  return lines;
}

/** What the form says, as a fix: empty fields are left out, so the built-in reading stays for them. */
export function overrideFromForm(crm: string, lines: Readonly<Lines>, note: string): unknown {
  const fields: Partial<Record<OverrideField, string[]>> = {};
  for (const field of OVERRIDE_FIELDS) {
    const selectors = lines[field]
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (selectors.length > 0) fields[field] = selectors;
  }
  return { kind: ADAPTER_OVERRIDE_KIND, version: 1, crm, fields, ...(note.trim() ? { note: note.trim() } : {}) };
}

/** The manager's form: selectors per field, checked with the same schema the server uses. */
export function TeamFixEditor({
  crm,
  name,
  current,
  busy,
  onPublish,
  onWithdraw,
  onCancel,
}: {
  crm: string;
  name: string;
  current: TeamAdapterOverride | undefined;
  busy: boolean;
  onPublish: (override: AdapterOverride) => void;
  onWithdraw: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [lines, setLines] = useState<Lines>(() => linesOf(current?.override));
  const [note, setNote] = useState(current?.override.note ?? '');
  const [invalid, setInvalid] = useState<string | null>(null);
  const publish = () => {
    const parsed = parseAdapterOverride(overrideFromForm(crm, lines, note));
    if (!parsed.ok) {
      setInvalid(parsed.reason);
      return;
    }
    setInvalid(null);
    onPublish(parsed.override);
  };
  const titleId = `team-fix-title-${crm}`;
  return (
    <fieldset className="op-team-fix-editor" data-testid="team-fix-editor" aria-labelledby={titleId} disabled={busy}>
      <legend id={titleId}>{t('teamFix.editorTitle', { name })}</legend>
      <p className="op-help">{t('teamFix.editorHelp')}</p>
      {OVERRIDE_FIELDS.map((field) => (
        <label key={field} className="op-field">
          <span>{t(FIELD_LABEL[field])}</span>
          <textarea
            rows={2}
            spellCheck={false}
            data-field={field}
            value={lines[field]}
            onChange={(event) => setLines((before) => ({ ...before, [field]: event.target.value }))}
          />
        </label>
      ))}
      <label className="op-field">
        <span>{t('teamFix.note')}</span>
        <input type="text" maxLength={200} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      {invalid ? (
        <p className="op-field-error" role="alert">
          {t('teamFix.invalid', { reason: invalid })}
        </p>
      ) : null}
      <div className="op-actions">
        <button type="button" className="op-primary" onClick={publish}>
          {t('teamFix.publish')}
        </button>
        {current ? (
          <button type="button" className="op-secondary" onClick={onWithdraw}>
            {t('teamFix.withdraw')}
          </button>
        ) : null}
        <button type="button" className="op-secondary" onClick={onCancel}>
          {t('teamFix.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
