import { useI18n } from '../ui/i18n';

/** Where a settings form stands after its last save attempt. */
export type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; reason: string };

/** The save button and the announced outcome every options form ends with. */
export function SaveActions({ label, state, savedTestId }: { label: string; state: SaveState; savedTestId: string }) {
  const { t } = useI18n();
  return (
    <div className="op-actions">
      <button type="submit" className="op-primary">
        {label}
      </button>
      <span role="status" className="op-status">
        {state.kind === 'saved' ? (
          <span className="op-saved" data-testid={savedTestId}>
            {t('common.saved')}
          </span>
        ) : null}
        {state.kind === 'invalid' ? <span className="op-field-error">{t('options.fixErrors')}</span> : null}
        {state.kind === 'failed' ? <span className="op-field-error">{t('options.saveFailed', { reason: state.reason })}</span> : null}
      </span>
    </div>
  );
}
