import { useId, useMemo, useState } from 'react';
import { PLACEHOLDERS, type CallScript } from '@/lib/domain/scripts';
import { saveScript } from '@/lib/storage/scripts-item';
import { useI18n } from '../../ui/i18n';
import { useDraft } from '../use-draft';
import { braces } from './labels';
import { fieldErrors, type FieldErrors } from './messages';
import { ScriptMetaFields } from './ScriptMetaFields';
import { ScriptCardsField, ScriptStepsField } from './ScriptPartsFields';
import { ScriptPreview } from './ScriptPreview';

const NO_ERRORS: FieldErrors = {};

/** Editing one of the dealer's scripts, with a live preview; saving makes a new version. */
export function ScriptForm({ initial, onSaved, onClose }: { initial: CallScript; onSaved: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [unknown, setUnknown] = useState<string[]>([]);
  const start = useMemo(() => ({ initial }), [initial]);
  const { draft, errors, state, busy, edit, submit } = useDraft<CallScript, CallScript, FieldErrors>({
    start,
    noErrors: NO_ERRORS,
    validate: (value) => {
      const found = fieldErrors(t, value);
      return Object.keys(found).length > 0 ? { ok: false, errors: found } : { ok: true, value };
    },
    save: async (value) => {
      const { script, unknownPlaceholders } = await saveScript(value);
      setUnknown(unknownPlaceholders);
      onSaved();
      return script;
    },
  });
  if (draft === null) return null;

  const error = (path: string) =>
    errors[path] ? (
      <span className="op-field-error" data-testid={`script-error-${path}`}>
        {errors[path]}
      </span>
    ) : null;

  return (
    <div data-testid="script-form" className="op-script-form">
      <h3 className="op-subtitle">{t('options.scripts.editing')}</h3>
      <ScriptMetaFields id={id} draft={draft} edit={edit} error={error} />
      <p className="op-help">{t('options.scripts.placeholders', { list: braces(PLACEHOLDERS) })}</p>
      <ScriptStepsField draft={draft} edit={edit} error={error} />
      <ScriptCardsField draft={draft} edit={edit} error={error} />
      <ScriptPreview draft={draft} />
      <div className="op-actions">
        <button type="button" className="op-primary" disabled={busy} onClick={() => submit()}>
          {t('options.scripts.save')}
        </button>
        <button type="button" className="op-secondary" onClick={onClose}>
          {t('options.scripts.cancel')}
        </button>
        {state.kind === 'invalid' ? <span className="op-field-error">{t('options.fixErrors')}</span> : null}
      </div>
      {/* Next to the button: the warning must be seen by whoever just clicked Save. */}
      <div aria-live="polite">
        {state.kind === 'saved' ? (
          <p data-testid="script-saved">
            <span className="op-saved">{t('options.scripts.saved', { version: draft.version })}</span>
            {unknown.length > 0 ? (
              <span className="op-field-error op-block" data-testid="script-warning">
                {t('options.scripts.unknownWarning', { list: braces(unknown) })}
              </span>
            ) : null}
          </p>
        ) : null}
        {state.kind === 'failed' ? <p className="op-field-error">{t('options.scripts.actionFailed', { reason: state.reason })}</p> : null}
      </div>
    </div>
  );
}
