import type { ReactNode } from 'react';
import type { CallScript } from '@/lib/domain/scripts';
import { useI18n } from '../../ui/i18n';
import { sourceLabel } from '../../ui/labels';
import { LANG_LABELS, SITUATION_LABELS } from './labels';

/** One script in a list: name, language, situation, sources and version, with its actions. */
export function ScriptRow({ script, actions }: { script: CallScript; actions: ReactNode }) {
  const { t } = useI18n();
  const sources = script.sources.length === 0 ? t('options.scripts.allSources') : script.sources.map((s) => sourceLabel(t, s)).join(', ');
  return (
    <li className="op-crm" data-testid="script-row" data-script-id={script.id} data-script-lang={script.lang}>
      <div className="op-crm-main op-script-main">
        <strong>{script.name}</strong>
        <span className="op-help">
          {t('options.scripts.meta', {
            lang: t(LANG_LABELS[script.lang]),
            situation: t(SITUATION_LABELS[script.situation]),
            sources,
          })}{' '}
          · {t('options.scripts.version', { version: script.version })}
        </span>
      </div>
      <div className="op-row-actions">{actions}</div>
    </li>
  );
}
