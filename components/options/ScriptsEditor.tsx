import { useCallback, useEffect, useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { DEFAULT_SOURCES } from '@/lib/domain/model';
import {
  CARD_KINDS,
  PLACEHOLDERS,
  SCRIPT_LANGS,
  SITUATIONS,
  callScriptSchema,
  firstName,
  type CallScript,
  type CardKind,
  type PlaceholderValues,
  type ScriptLang,
  type Situation,
} from '@/lib/domain/scripts';
import { DEFAULT_LIBRARY, DEFAULT_SCRIPTS } from '@/lib/domain/scripts-library';
import type { MessageKey, Translate } from '@/lib/i18n';
import {
  deleteScript,
  exportScripts,
  importScripts,
  newScriptId,
  readScripts,
  saveScript,
  type ImportError,
} from '@/lib/scripts-store';
import { ScriptText } from '../panel/CallScriptView';
import { useI18n } from '../ui/i18n';
import { sourceLabel } from '../ui/labels';

/** Hands a text file to the browser's downloads; injectable because jsdom has no object URLs. */
export type Download = (filename: string, text: string) => void;

export const browserDownload: Download = (filename, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked on the next task: the click starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

const LANG_LABELS: Record<ScriptLang, MessageKey> = { nl: 'options.language.nl', en: 'options.language.en' };
const SITUATION_LABELS: Record<Situation, MessageKey> = {
  first_contact: 'scripts.situation.first_contact',
  follow_up: 'scripts.situation.follow_up',
  voicemail: 'scripts.situation.voicemail',
};
const CARD_LABELS: Record<CardKind, MessageKey> = {
  voicemail: 'options.scripts.cardKind.voicemail',
  best_price: 'options.scripts.cardKind.best_price',
  not_ready: 'options.scripts.cardKind.not_ready',
  already_bought: 'options.scripts.cardKind.already_bought',
  email_only: 'options.scripts.cardKind.email_only',
  other: 'options.scripts.cardKind.other',
};

const isScriptLang = (v: string): v is ScriptLang => (SCRIPT_LANGS as readonly string[]).includes(v);
const isSituation = (v: string): v is Situation => (SITUATIONS as readonly string[]).includes(v);
const isCardKind = (v: string): v is CardKind => (CARD_KINDS as readonly string[]).includes(v);

// The options stylesheet styles inputs and selects only; scripts need roomy, readable textareas.
const TEXTAREA_STYLE = { font: 'inherit', width: '100%', border: '1px solid #b8c4d1', borderRadius: 6, padding: '6px 8px', resize: 'vertical' } as const;

const braces = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');

function importErrorMessage(t: Translate, error: ImportError): string {
  let reason: string;
  switch (error.code) {
    case 'too_large':
      reason = t('options.scripts.importError.too_large', { max: error.max });
      break;
    case 'not_json':
      reason = t('options.scripts.importError.not_json', { reason: error.reason });
      break;
    case 'wrong_format':
      reason = t('options.scripts.importError.wrong_format');
      break;
    case 'unsupported_version':
      reason = t('options.scripts.importError.unsupported_version', { version: error.version });
      break;
    case 'too_many':
      reason = t('options.scripts.importError.too_many', { max: error.max });
      break;
    case 'invalid_script':
      reason = t('options.scripts.importError.invalid_script', {
        n: error.index + 1,
        name: error.name ?? '—',
        path: error.path,
        message: error.message,
      });
      break;
    case 'duplicate_id':
      reason = t('options.scripts.importError.duplicate_id', { id: error.id });
      break;
    case 'reserved_id':
      reason = t('options.scripts.importError.reserved_id', { id: error.id });
      break;
  }
  return t('options.scripts.importError', { reason });
}

type SaveStatus = { kind: 'saved'; version: number; unknown: string[] } | { kind: 'failed'; text: string };

type Notice =
  | { kind: 'imported'; text: string; warnings: string[] }
  | { kind: 'importError'; text: string }
  | { kind: 'failed'; text: string };

type FieldErrors = Record<string, string>;

/** zod issues → messages keyed by the dotted path of the field they belong to. */
function fieldErrors(t: Translate, draft: CallScript): FieldErrors {
  const parsed = callScriptSchema.safeParse({ ...draft, version: 1 });
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (errors[path]) continue;
    if (issue.code === 'too_small') {
      errors[path] = path === 'steps' ? t('options.scripts.error.noSteps') : t('options.scripts.error.required');
    } else if (issue.code === 'too_big') {
      errors[path] =
        issue.origin === 'string'
          ? t('options.scripts.error.tooLong', { max: Number(issue.maximum) })
          : t('options.scripts.error.tooMany', { max: Number(issue.maximum) });
    } else {
      errors[path] = t('options.scripts.error.invalid');
    }
  }
  return errors;
}

function ScriptRow({
  script,
  actions,
}: {
  script: CallScript;
  actions: ReactNode;
}) {
  const { t } = useI18n();
  const sources = script.sources.length === 0 ? t('options.scripts.allSources') : script.sources.map((s) => sourceLabel(t, s)).join(', ');
  return (
    <li className="op-crm" data-testid="script-row" data-script-id={script.id} data-script-lang={script.lang}>
      <div className="op-crm-main" style={{ wordBreak: 'normal' }}>
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
      <div style={{ display: 'flex', gap: 6, gridColumn: 'span 2', justifyContent: 'flex-end', flexWrap: 'wrap' }}>{actions}</div>
    </li>
  );
}

function Preview({ draft }: { draft: CallScript }) {
  const { t } = useI18n();
  const values: PlaceholderValues = {
    'customer.firstName': firstName(t('options.scripts.sample.name')),
    'customer.name': t('options.scripts.sample.name'),
    vehicle: t('options.scripts.sample.vehicle'),
    'rep.firstName': t('options.scripts.sample.rep'),
    'dealer.name': t('options.scripts.sample.dealer'),
    source: sourceLabel(t, draft.sources[0] ?? 'website'),
  };
  return (
    <div data-testid="script-preview" style={{ border: '1px solid #e1e6ec', borderRadius: 8, padding: '8px 12px', background: '#fafbfc' }}>
      <p style={{ fontWeight: 600 }}>{t('options.scripts.preview')}</p>
      <p className="op-help">{t('options.scripts.previewHelp')}</p>
      <ol style={{ margin: '6px 0 0', paddingLeft: 20, display: 'grid', gap: 6 }}>
        {draft.steps.map((step, index) => (
          <li key={index}>
            <strong style={{ display: 'block' }}>
              <ScriptText template={step.title} values={values} />
            </strong>
            <ScriptText template={step.text} values={values} />
          </li>
        ))}
      </ol>
      {draft.cards.map((card, index) => (
        <div key={index} style={{ marginTop: 8 }} data-testid="preview-card">
          <strong style={{ display: 'block' }}>
            {t(CARD_LABELS[card.kind])}: <ScriptText template={card.title} values={values} />
          </strong>
          <ScriptText template={card.text} values={values} />
        </div>
      ))}
    </div>
  );
}

function Editor({
  initial,
  onSaved,
  onClose,
}: {
  initial: CallScript;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<CallScript>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SaveStatus | null>(null);

  const edit = (next: CallScript) => {
    setDraft(next);
    setErrors({});
    setStatus(null);
  };
  const editStep = (index: number, patch: Partial<CallScript['steps'][number]>) =>
    edit({ ...draft, steps: draft.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const editCard = (index: number, patch: Partial<CallScript['cards'][number]>) =>
    edit({ ...draft, cards: draft.cards.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  const save = () => {
    const found = fieldErrors(t, draft);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setBusy(true);
    saveScript(draft)
      .then(({ script, unknownPlaceholders }) => {
        setDraft(script);
        setStatus({ kind: 'saved', version: script.version, unknown: unknownPlaceholders });
        onSaved();
      })
      .catch((error: unknown) => setStatus({ kind: 'failed', text: t('options.scripts.actionFailed', { reason: error instanceof Error ? error.message : String(error) }) }))
      .finally(() => setBusy(false));
  };

  const error = (path: string) =>
    errors[path] ? (
      <span className="op-field-error" data-testid={`script-error-${path}`}>
        {errors[path]}
      </span>
    ) : null;

  const sourceIds = [...DEFAULT_SOURCES, ...draft.sources.filter((s) => !(DEFAULT_SOURCES as readonly string[]).includes(s))];

  return (
    <div data-testid="script-form" style={{ display: 'grid', gap: 12, borderTop: '1px solid #e1e6ec', paddingTop: 12 }}>
      <h3 style={{ margin: 0, fontSize: 14 }}>{t('options.scripts.editing')}</h3>
      <div className="op-field">
        <label htmlFor={`${id}-name`}>{t('options.scripts.name')}</label>
        <input id={`${id}-name`} type="text" value={draft.name} autoFocus onChange={(e) => edit({ ...draft, name: e.target.value })} />
        {error('name')}
      </div>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
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
      <fieldset className="op-field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, padding: 0 }}>{t('options.scripts.sources')}</legend>
        <span className="op-help">{t('options.scripts.sourcesHelp')}</span>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 14px' }}>
          {sourceIds.map((source) => (
            <label key={source} style={{ display: 'flex', gap: 4, alignItems: 'center', fontWeight: 400 }}>
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
      <p className="op-help">{t('options.scripts.placeholders', { list: braces(PLACEHOLDERS) })}</p>
      <fieldset className="op-field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, padding: 0 }}>{t('options.scripts.steps')}</legend>
        <ol style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 10 }}>
          {draft.steps.map((step, index) => {
            const n = index + 1;
            return (
              <li key={index} data-testid="script-step" style={{ display: 'grid', gap: 4 }}>
                <input
                  type="text"
                  style={{ maxWidth: '100%' }}
                  aria-label={t('options.scripts.stepTitle', { n })}
                  value={step.title}
                  onChange={(e) => editStep(index, { title: e.target.value })}
                />
                {error(`steps.${index}.title`)}
                <textarea
                  rows={4}
                  style={TEXTAREA_STYLE}
                  aria-label={t('options.scripts.stepText', { n })}
                  value={step.text}
                  onChange={(e) => editStep(index, { text: e.target.value })}
                />
                {error(`steps.${index}.text`)}
                <div style={{ display: 'flex', gap: 6 }}>
                  <button
                    type="button"
                    className="op-secondary"
                    disabled={index === 0}
                    aria-label={t('options.scripts.moveStepUp', { n })}
                    onClick={() => {
                      const steps = [...draft.steps];
                      const [moved] = steps.splice(index, 1);
                      if (moved) steps.splice(index - 1, 0, moved);
                      edit({ ...draft, steps });
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="op-secondary"
                    aria-label={t('options.scripts.removeStep', { n })}
                    onClick={() => edit({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })}
                  >
                    ×
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        {error('steps')}
        <div>
          <button
            type="button"
            className="op-secondary"
            onClick={() => edit({ ...draft, steps: [...draft.steps, { kind: 'other', title: '', text: '' }] })}
          >
            {t('options.scripts.addStep')}
          </button>
        </div>
      </fieldset>
      <fieldset className="op-field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, padding: 0 }}>{t('options.scripts.cards')}</legend>
        <span className="op-help">{t('options.scripts.cardsHelp')}</span>
        <ol style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 10 }}>
          {draft.cards.map((card, index) => {
            const n = index + 1;
            return (
              <li key={index} data-testid="script-card-editor" style={{ display: 'grid', gap: 4 }}>
                <select
                  aria-label={t('options.scripts.cardKind', { n })}
                  value={card.kind}
                  onChange={(e) => isCardKind(e.target.value) && editCard(index, { kind: e.target.value })}
                >
                  {CARD_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(CARD_LABELS[kind])}
                    </option>
                  ))}
                </select>
                <input
                  type="text"
                  aria-label={t('options.scripts.cardTitle', { n })}
                  value={card.title}
                  onChange={(e) => editCard(index, { title: e.target.value })}
                />
                {error(`cards.${index}.title`)}
                <textarea
                  rows={4}
                  style={TEXTAREA_STYLE}
                  aria-label={t('options.scripts.cardText', { n })}
                  value={card.text}
                  onChange={(e) => editCard(index, { text: e.target.value })}
                />
                {error(`cards.${index}.text`)}
                <div>
                  <button
                    type="button"
                    className="op-secondary"
                    aria-label={t('options.scripts.removeCard', { n })}
                    onClick={() => edit({ ...draft, cards: draft.cards.filter((_, i) => i !== index) })}
                  >
                    ×
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        {error('cards')}
        <div>
          <button
            type="button"
            className="op-secondary"
            onClick={() => edit({ ...draft, cards: [...draft.cards, { kind: 'other', title: '', text: '' }] })}
          >
            {t('options.scripts.addCard')}
          </button>
        </div>
      </fieldset>
      <Preview draft={draft} />
      <div className="op-actions">
        <button type="button" className="op-primary" disabled={busy} onClick={save}>
          {t('options.scripts.save')}
        </button>
        <button type="button" className="op-secondary" onClick={onClose}>
          {t('options.scripts.cancel')}
        </button>
        {Object.keys(errors).length > 0 ? <span className="op-field-error">{t('options.fixErrors')}</span> : null}
      </div>
      {/* Next to the button: the warning must be seen by whoever just clicked Save. */}
      <div aria-live="polite">
        {status?.kind === 'saved' ? (
          <p data-testid="script-saved">
            <span className="op-saved">{t('options.scripts.saved', { version: status.version })}</span>
            {status.unknown.length > 0 ? (
              <span className="op-field-error" data-testid="script-warning" style={{ display: 'block' }}>
                {t('options.scripts.unknownWarning', { list: braces(status.unknown) })}
              </span>
            ) : null}
          </p>
        ) : null}
        {status?.kind === 'failed' ? <p className="op-field-error">{status.text}</p> : null}
      </div>
    </div>
  );
}

/** Call scripts in options: built-in and the dealer's own, an editor with preview, import/export. */
export function ScriptsEditor({ download = browserDownload }: { download?: Download }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [custom, setCustom] = useState<CallScript[] | null>(null);
  const [editing, setEditing] = useState<CallScript | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const failed = useCallback(
    (error: unknown) => setNotice({ kind: 'failed', text: t('options.scripts.actionFailed', { reason: error instanceof Error ? error.message : String(error) }) }),
    [t],
  );
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

  const exportAll = () => {
    setNotice(null);
    exportScripts()
      .then((json) => download(`leadpace-scripts-${new Date().toISOString().slice(0, 10)}.json`, json))
      .catch(failed);
  };

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    setNotice(null);
    if (!file) return;
    file
      .text()
      .then((text) => importScripts(text))
      .then((result) => {
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
        return refresh();
      })
      .catch((error: unknown) => setNotice({ kind: 'importError', text: t('options.scripts.fileFailed', { reason: error instanceof Error ? error.message : String(error) }) }))
      .finally(() => {
        // Lets the same file be chosen again after fixing it.
        input.value = '';
      });
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

  return (
    <section className="op-card" aria-labelledby={`${id}-title`} data-testid="scripts-editor">
      <h2 id={`${id}-title`}>{t('options.scripts.title')}</h2>
      <p className="op-help">{t('options.scripts.intro')}</p>

      <h3 style={{ margin: 0, fontSize: 14 }}>{t('options.scripts.custom')}</h3>
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
                  <button type="button" className="op-secondary" aria-label={t('options.scripts.duplicate', { name: script.name })} onClick={() => duplicate(script)}>
                    {t('options.scripts.duplicateShort')}
                  </button>
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
      <div className="op-actions" style={{ flexWrap: 'wrap' }}>
        <button
          type="button"
          className="op-secondary"
          onClick={() => open({ ...DEFAULT_SCRIPTS[lang], id: newScriptId(), version: 1, name: t('options.scripts.newName') })}
        >
          {t('options.scripts.new')}
        </button>
        <button type="button" className="op-secondary" onClick={exportAll} disabled={!custom || custom.length === 0}>
          {t('options.scripts.export')}
        </button>
        <label className="op-secondary" style={{ cursor: 'pointer' }}>
          {t('options.scripts.import')}
          <input type="file" accept=".json,application/json" onChange={importFile} style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }} />
        </label>
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

      {editing ? (
        <Editor
          key={editing.id}
          initial={editing}
          onSaved={() => void refresh()}
          onClose={() => setEditing(null)}
        />
      ) : null}

      <h3 style={{ margin: 0, fontSize: 14 }}>{t('options.scripts.builtIn')}</h3>
      <p className="op-help">{t('options.scripts.builtInHelp')}</p>
      <ul className="op-crms" data-testid="builtin-scripts">
        {builtIn.map((script) => (
          <ScriptRow
            key={`${script.id}-${script.lang}`}
            script={script}
            actions={
              <button type="button" className="op-secondary" aria-label={t('options.scripts.duplicate', { name: script.name })} onClick={() => duplicate(script)}>
                {t('options.scripts.duplicateShort')}
              </button>
            }
          />
        ))}
      </ul>
    </section>
  );
}
