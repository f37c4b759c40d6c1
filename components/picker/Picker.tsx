import { useCallback, useMemo, useState } from 'react';
import { userAdapter } from '@/lib/adapters/user/to-adapter';
import type { UserAdapter, UserField } from '@/lib/adapters/user/schema';
import type { LeadSnapshot } from '@/lib/domain/model';
import type { Result } from '@/lib/messaging';
import { draftToAdapter, type Candidate, type Draft } from '@/lib/picker/draft';
import { candidateSelectors, matchCount } from '@/lib/picker/selectors';
import { describeUrlPattern, parseUrlPatternText, suggestUrlPattern } from '@/lib/picker/url-pattern';
import { useI18n } from '../ui/i18n';
import { FIELDS, previewOf } from './picker-fields';
import { usePicking } from './usePicking';

export interface PickerProps {
  doc: Document;
  url: () => URL;
  /** Our own overlay's elements: never picked, never hit-tested. */
  isOwn: (el: Element) => boolean;
  save: (adapter: UserAdapter) => Promise<Result<{ id: string }>>;
  close: () => void;
  now?: () => Date;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; reason: string };

/**
 * "Add my CRM": mark the lead's name, id (or take it from the URL), created time, source and
 * phone on the page; see what Leadpace would read, live; save it as a user adapter (data).
 */
export function Picker({ doc, url, isOwn, save, close, now = () => new Date() }: PickerProps) {
  const { t } = useI18n();
  const start = url();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: doc.title.split(/[|–—-]/).at(-1)?.trim().slice(0, 80) || start.hostname,
    origin: start.origin,
    fields: {},
    idFromUrl: null,
    createdAt: now().toISOString(),
  }));
  const [picking, setPicking] = useState<UserField | null>(null);
  const [urlText, setUrlText] = useState(() => {
    const suggested = suggestUrlPattern(start);
    return suggested ? describeUrlPattern(suggested) : '';
  });
  // Whether the dealer takes the id from the URL: kept apart from the pattern, which is invalid
  // (or empty) for a moment while being retyped, so the box and the field stay put meanwhile.
  const [idFromUrlOn, setIdFromUrlOn] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });

  const onPick = useCallback(
    (el: Element) => {
      if (!picking) return;
      const candidates: Candidate[] = candidateSelectors(el, doc).map((selector) => ({
        selector,
        count: matchCount(doc, selector),
        preview: previewOf(doc, selector),
      }));
      setDraft((current) => ({
        ...current,
        fields: { ...current.fields, [picking]: candidates.length > 0 ? { candidates, chosen: 0 } : undefined },
      }));
      setPicking(null);
    },
    [doc, picking],
  );
  const onCancel = useCallback(() => setPicking(null), []);
  const box = usePicking(doc, picking !== null, isOwn, onPick, onCancel);

  const result = useMemo(() => draftToAdapter(draft), [draft]);
  const test: LeadSnapshot | null = useMemo(() => {
    if (!result.ok) return null;
    try {
      return userAdapter(result.adapter).extract(doc, url());
    } catch {
      return null;
    }
  }, [result, doc, url]);

  const applyUrlText = (text: string, on = true) => {
    setUrlText(text);
    setIdFromUrlOn(on);
    setDraft((current) => ({ ...current, idFromUrl: on ? parseUrlPatternText(text) : null }));
  };

  const onSave = () => {
    if (!result.ok) return;
    setSaveState({ kind: 'saving' });
    save(result.adapter)
      .then((reply) => setSaveState(reply.ok ? { kind: 'saved' } : { kind: 'failed', reason: reply.reason }))
      .catch((error: unknown) => setSaveState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
  };

  return (
    <div className="pk" data-testid="picker" role="dialog" aria-label={t('picker.title')}>
      {box ? (
        <div
          className="pk-box"
          data-testid="picker-highlight"
          style={{ top: `${box.top}px`, left: `${box.left}px`, width: `${box.width}px`, height: `${box.height}px` }}
        />
      ) : null}
      <div className="pk-card">
        <div className="pk-head">
          <strong>{t('picker.title')}</strong>
          <button type="button" className="pk-close" onClick={close} aria-label={t('picker.close')} data-testid="picker-close">
            ×
          </button>
        </div>
        <p className="pk-muted">{picking ? t('picker.picking', { field: t(FIELDS.find((f) => f.field === picking)?.label ?? 'picker.field.name') }) : t('picker.intro')}</p>
        <label className="pk-label">
          {t('picker.crmName')}
          <input
            data-testid="picker-name"
            value={draft.name}
            maxLength={80}
            onChange={(event) => setDraft((current) => ({ ...current, name: event.target.value }))}
          />
        </label>
        <ol className="pk-fields">
          {FIELDS.map(({ field, label, required }) => {
            const pick = draft.fields[field];
            const fromUrl = field === 'leadId' && draft.idFromUrl !== null;
            return (
              <li key={field} data-testid={`picker-field-${field}`}>
                <div className="pk-row">
                  <span className="pk-field">
                    {t(label)}
                    {required ? ' *' : ''}
                  </span>
                  <button
                    type="button"
                    className={picking === field ? 'pk-btn pk-active' : 'pk-btn'}
                    data-testid={`pick-${field}`}
                    aria-pressed={picking === field}
                    disabled={fromUrl}
                    onClick={() => setPicking(picking === field ? null : field)}
                  >
                    {pick ? t('picker.repick') : t('picker.pick')}
                  </button>
                </div>
                {pick && !fromUrl ? (
                  <div className="pk-candidates" role="radiogroup" aria-label={t('picker.candidates')}>
                    {pick.candidates.map((candidate, index) => (
                      <label key={candidate.selector} className="pk-candidate" title={candidate.selector}>
                        <input
                          type="radio"
                          name={`pk-${field}`}
                          checked={pick.chosen === index}
                          data-testid={`candidate-${field}-${index}`}
                          onChange={() =>
                            setDraft((current) => ({ ...current, fields: { ...current.fields, [field]: { ...pick, chosen: index } } }))
                          }
                        />
                        <code>{candidate.selector}</code>
                        <span className={candidate.count === 1 ? 'pk-count' : 'pk-count pk-warn'} data-testid={`count-${field}-${index}`}>
                          {t('picker.matches', { count: candidate.count })}
                        </span>
                      </label>
                    ))}
                    <span className="pk-muted">{t('picker.fallbacks', { count: Math.max(0, pick.candidates.length - 1) })}</span>
                  </div>
                ) : null}
                {field === 'leadId' ? (
                  <label className="pk-inline">
                    <input
                      type="checkbox"
                      data-testid="id-from-url"
                      checked={idFromUrlOn}
                      onChange={(event) => (event.target.checked ? applyUrlText(urlText || '/{id}') : applyUrlText(urlText, false))}
                    />
                    {t('picker.idFromUrl')}
                    {idFromUrlOn || urlText !== '' ? (
                      <input
                        data-testid="url-pattern"
                        className="pk-pattern"
                        value={urlText}
                        onChange={(event) => applyUrlText(event.target.value)}
                        aria-invalid={urlText !== '' && parseUrlPatternText(urlText) === null}
                      />
                    ) : null}
                  </label>
                ) : null}
              </li>
            );
          })}
        </ol>
        <section className="pk-test" data-testid="picker-test" aria-live="polite">
          <strong>{t('picker.test')}</strong>
          {test ? (
            <dl>
              <dt>{t('picker.field.leadId')}</dt>
              <dd data-testid="test-leadId">{test.leadId}</dd>
              <dt>{t('picker.field.name')}</dt>
              <dd data-testid="test-name">{test.name ?? t('picker.notRead')}</dd>
              {draft.fields.receivedAt ? (
                <>
                  <dt>{t('picker.field.receivedAt')}</dt>
                  <dd data-testid="test-receivedAt">{test.receivedAt ? new Date(test.receivedAt).toLocaleString() : t('picker.notADate')}</dd>
                </>
              ) : null}
              {draft.fields.source ? (
                <>
                  <dt>{t('picker.field.source')}</dt>
                  <dd data-testid="test-source">{test.sourceRaw ? `${test.sourceRaw} → ${test.source ?? ''}` : t('picker.notRead')}</dd>
                </>
              ) : null}
              {draft.fields.phone ? (
                <>
                  <dt>{t('picker.field.phone')}</dt>
                  <dd data-testid="test-phone">{test.phone ?? t('picker.notRead')}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p className="pk-muted" data-testid="test-missing">
              {result.ok ? t('picker.noLeadHere') : t('picker.needNameAndId')}
            </p>
          )}
        </section>
        <div className="pk-row">
          <button type="button" className="pk-primary" data-testid="picker-save" disabled={!result.ok || !test || saveState.kind === 'saving'} onClick={onSave}>
            {t('picker.save')}
          </button>
          <button type="button" className="pk-btn" onClick={close}>
            {t('picker.cancel')}
          </button>
        </div>
        {saveState.kind === 'saved' ? (
          <p className="pk-ok" role="status" data-testid="picker-status" data-state="saved">
            {t('picker.saved', { name: draft.name })}
          </p>
        ) : null}
        {saveState.kind === 'failed' ? (
          <p className="pk-error" role="alert" data-testid="picker-status" data-state="failed">
            {t('picker.saveFailed', { reason: saveState.reason })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
