import { useEffect, useRef } from 'react';
import { useI18n } from '../ui/i18n';
import { useMarkSaved } from './TabsUnsaved';
import '@/lib/i18n/messages/common';
import '@/lib/i18n/messages/options';

/** Where a settings form stands after its last save attempt. */
export type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; reason: string };

/** The save button and the announced outcome every options form ends with. */
export function SaveActions({ label, state, savedTestId }: { label: string; state: SaveState; savedTestId: string }) {
  const { t } = useI18n();
  const markSaved = useMarkSaved();
  const ref = useRef<HTMLDivElement>(null);
  // Each save sets a new state object, so a second save after more edits is seen too.
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (state.kind === 'saved' && form && markSaved) markSaved(form);
  }, [state, markSaved]);
  return (
    <div className="op-actions" ref={ref} data-save-actions="">
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
