import { DEFAULT_SOURCES } from '@/lib/domain/model';
import { SCRIPT_LANGS, SITUATIONS, type CallScript } from '@/lib/domain/scripts';
import { useI18n } from '../../ui/i18n';
import { sourceLabel } from '../../ui/labels';
import { LANG_LABELS, SITUATION_LABELS, isScriptLang, isSituation } from './labels';
import type { FieldError } from './ScriptPartsFields';

/** What a script is called and when the panel offers it: name, language, situation, sources. */
export function ScriptMetaFields({
  id,
  draft,
  edit,
  error,
}: {
  id: string;
  draft: CallScript;
  edit: (next: CallScript) => void;
  error: FieldError;
}) {
  const { t } = useI18n();
  // A source the dealer's CRM added stays ticked and visible even though it is not a default.
  const sourceIds = [...DEFAULT_SOURCES, ...draft.sources.filter((s) => !(DEFAULT_SOURCES as readonly string[]).includes(s))];
  return (
    <>
      <div className="op-field">
        <label htmlFor={`${id}-name`}>{t('options.scripts.name')}</label>
        <input id={`${id}-name`} type="text" value={draft.name} autoFocus onChange={(e) => edit({ ...draft, name: e.target.value })} />
        {error('name')}
      </div>
      <div className="op-row op-row-wide">
        <div className="op-field">
          <label htmlFor={`${id}-lang`}>{t('options.scripts.lang')}</label>
          <select id={`${id}-lang`} value={draft.lang} onChange={(e) => isScriptLang(e.target.value) && edit({ ...draft, lang: e.target.value })}>
            {SCRIPT_LANGS.map((lang) => (
              <option key={lang} value={lang}>
                {t(LANG_LABELS[lang])}
              </option>
            ))}
          </select>
        </div>
        <div className="op-field">
          <label htmlFor={`${id}-situation`}>{t('options.scripts.situation')}</label>
          <select
            id={`${id}-situation`}
            value={draft.situation}
            onChange={(e) => isSituation(e.target.value) && edit({ ...draft, situation: e.target.value })}
          >
            {SITUATIONS.map((situation) => (
              <option key={situation} value={situation}>
                {t(SITUATION_LABELS[situation])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="op-field op-fieldset">
        <legend>{t('options.scripts.sources')}</legend>
        <span className="op-help">{t('options.scripts.sourcesHelp')}</span>
        <div className="op-checks">
          {sourceIds.map((source) => (
            <label key={source} className="op-check">
              <input
                type="checkbox"
                checked={draft.sources.includes(source)}
                onChange={(e) =>
                  edit({
                    ...draft,
                    sources: e.target.checked ? [...draft.sources, source] : draft.sources.filter((s) => s !== source),
                  })
                }
              />
              {sourceLabel(t, source)}
            </label>
          ))}
        </div>
        {error('sources')}
      </fieldset>
    </>
  );
}
