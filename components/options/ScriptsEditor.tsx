import { useCallback, useEffect, useId, useState } from 'react';
import type { CallScript } from '@/lib/domain/scripts';
import { DEFAULT_LIBRARY, DEFAULT_SCRIPTS } from '@/lib/domain/scripts-library';
import { deleteScript, exportScripts, importScripts, newScriptId, readScripts } from '@/lib/storage/scripts-item';
import { browserDownload, fileDate, type Download } from '../ui/download';
import { useI18n } from '../ui/i18n';
import { ExportButton, ImportFileButton } from '../ui/ImportExport';
import { braces } from './scripts/labels';
import { importErrorMessage, reasonOf } from './scripts/messages';
import { ScriptForm } from './scripts/ScriptForm';
import { ScriptRow } from './scripts/ScriptRow';

export { browserDownload, type Download };

type Notice =
  | { kind: 'imported'; text: string; warnings: string[] }
  | { kind: 'importError'; text: string }
  | { kind: 'failed'; text: string };

/** Call scripts in options: built-in and the dealer's own, an editor with preview, import/export. */
export function ScriptsEditor({ download = browserDownload }: { download?: Download }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [custom, setCustom] = useState<CallScript[] | null>(null);
  const [editing, setEditing] = useState<CallScript | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const failed = useCallback((error: unknown) => setNotice({ kind: 'failed', text: t('options.scripts.actionFailed', { reason: reasonOf(error) }) }), [t]);
  const refresh = useCallback(() => readScripts().then(setCustom).catch(failed), [failed]);

  useEffect(() => {
    let alive = true;
    readScripts()
      .then((list) => alive && setCustom(list))
      .catch(() => alive && setCustom([]));
    return () => {
      alive = false;
    };
  }, []);

  const open = (script: CallScript) => {
    setNotice(null);
    setConfirming(null);
    setEditing(script);
  };
  const duplicate = (script: CallScript) =>
    open({ ...script, id: newScriptId(), version: 1, name: t('options.scripts.copyOf', { name: script.name }).slice(0, 80) });

  const importText = async (text: string) => {
    const result = await importScripts(text);
    if (!result.ok) {
      setNotice({ kind: 'importError', text: importErrorMessage(t, result.error) });
      return;
    }
    setNotice({
      kind: 'imported',
      text: t('options.scripts.imported', { added: result.added, updated: result.updated, unchanged: result.unchanged }),
      warnings: result.unknownPlaceholders.map((w) => t('options.scripts.importUnknown', { name: w.name, list: braces(w.placeholders) })),
    });
    setEditing(null);
    await refresh();
  };

  const remove = (script: CallScript) => {
    if (confirming !== script.id) {
      setConfirming(script.id);
      return;
    }
    setConfirming(null);
    if (editing?.id === script.id) setEditing(null);
    deleteScript(script.id).then(refresh).catch(failed);
  };

  const builtIn = [...DEFAULT_LIBRARY].sort((a, b) => (a.lang === b.lang ? 0 : a.lang === lang ? -1 : 1));
  const duplicateButton = (script: CallScript) => (
    <button type="button" className="op-secondary" aria-label={t('options.scripts.duplicate', { name: script.name })} onClick={() => duplicate(script)}>
      {t('options.scripts.duplicateShort')}
    </button>
  );

  return (
    <section className="op-card" aria-labelledby={`${id}-title`} data-testid="scripts-editor">
      <h2 id={`${id}-title`}>{t('options.scripts.title')}</h2>
      <p className="op-help">{t('options.scripts.intro')}</p>

      <h3 className="op-subtitle">{t('options.scripts.custom')}</h3>
      {custom === null ? (
        <p className="op-muted">{t('options.loading')}</p>
      ) : custom.length === 0 ? (
        <p className="op-muted">{t('options.scripts.noCustom')}</p>
      ) : (
        <ul className="op-crms" data-testid="custom-scripts">
          {custom.map((script) => (
            <ScriptRow
              key={script.id}
              script={script}
              actions={
                <>
                  <button type="button" className="op-secondary" aria-label={t('options.scripts.edit', { name: script.name })} onClick={() => open(script)}>
                    {t('options.scripts.editShort')}
                  </button>
                  {duplicateButton(script)}
                  <button
                    type="button"
                    className="op-secondary"
                    aria-label={confirming === script.id ? t('options.scripts.confirmDelete', { name: script.name }) : t('options.scripts.delete', { name: script.name })}
                    onClick={() => remove(script)}
                  >
                    {confirming === script.id ? t('options.scripts.confirmDeleteShort') : t('options.scripts.deleteShort')}
                  </button>
                </>
              }
            />
          ))}
        </ul>
      )}
      <div className="op-actions op-actions-wrap">
        <button
          type="button"
          className="op-secondary"
          onClick={() => open({ ...DEFAULT_SCRIPTS[lang], id: newScriptId(), version: 1, name: t('options.scripts.newName') })}
        >
          {t('options.scripts.new')}
        </button>
        <ExportButton
          label={t('options.scripts.export')}
          disabled={!custom || custom.length === 0}
          filename={() => `leadpace-scripts-${fileDate()}.json`}
          text={() => {
            setNotice(null);
            return exportScripts();
          }}
          download={download}
          onFailed={failed}
        />
        <ImportFileButton
          label={t('options.scripts.import')}
          onPick={() => setNotice(null)}
          onText={importText}
          onFailed={(reason) => setNotice({ kind: 'importError', text: t('options.scripts.fileFailed', { reason }) })}
        />
      </div>
      <p className="op-help">{t('options.scripts.importHelp')}</p>

      <div aria-live="polite">
        {notice?.kind === 'imported' ? (
          <div data-testid="import-done">
            <p className="op-saved">{notice.text}</p>
            {notice.warnings.map((warning) => (
              <p key={warning} className="op-field-error">
                {warning}
              </p>
            ))}
          </div>
        ) : null}
        {notice?.kind === 'importError' ? (
          <p className="op-field-error" data-testid="import-error">
            {notice.text}
          </p>
        ) : null}
        {notice?.kind === 'failed' ? <p className="op-field-error">{notice.text}</p> : null}
      </div>

      {editing ? <ScriptForm key={editing.id} initial={editing} onSaved={() => void refresh()} onClose={() => setEditing(null)} /> : null}

      <h3 className="op-subtitle">{t('options.scripts.builtIn')}</h3>
      <p className="op-help">{t('options.scripts.builtInHelp')}</p>
      <ul className="op-crms" data-testid="builtin-scripts">
        {builtIn.map((script) => (
          <ScriptRow key={`${script.id}-${script.lang}`} script={script} actions={duplicateButton(script)} />
        ))}
      </ul>
    </section>
  );
}
