import { useEffect, useEffectEvent, useMemo, useRef, useState, type CSSProperties } from 'react';
import {
  firstName,
  renderTemplate,
  scriptForLead,
  type CallScript,
  type PlaceholderValues,
  type ScriptCard,
} from '@/lib/domain/scripts';
import type { LeadView } from '@/lib/domain/lead';
import { safely } from '@/lib/safely';
import { readScripts, watchScripts } from '@/lib/scripts-store';
import { useI18n } from '../ui/i18n';
import { sourceLabel } from '../ui/labels';
import { revealInPanel } from './reveal';

// Inline, because the options page's preview renders these too and has no panel stylesheet.
const VALUE_STYLE: CSSProperties = { fontWeight: 600 };
const BLANK_STYLE: CSSProperties = {
  background: '#fde68a',
  borderRadius: 3,
  padding: '0 4px',
  color: '#6b4500',
  fontStyle: 'italic',
};
const CARD_STYLE: CSSProperties = {
  border: '1px solid #e1e6ec',
  borderRadius: 8,
  padding: '6px 8px',
  marginTop: 8,
  fontSize: 12,
  display: 'grid',
  gap: 4,
};

/**
 * A template as React text nodes: values bold, missing ones as a visible blank named in its
 * title. Never HTML, so a value read from a CRM page cannot become markup.
 */
export function ScriptText({ template, values }: { template: string; values: PlaceholderValues }) {
  return (
    <>
      {renderTemplate(template, values).map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'value' ? (
          <span key={index} className="lp-value" style={VALUE_STYLE}>
            {segment.text}
          </span>
        ) : (
          <span key={index} className="lp-blank" style={BLANK_STYLE} title={segment.name}>
            ___
          </span>
        ),
      )}
    </>
  );
}

/** The dealer's scripts, live; null until the first read so nobody logs a script never shown. */
function useCustomScripts(): readonly CallScript[] | null {
  const [scripts, setScripts] = useState<readonly CallScript[] | null>(null);
  useEffect(() => {
    let alive = true;
    readScripts()
      .then((list) => alive && setScripts(list))
      // Unreadable storage (e.g. after an extension update) still leaves the defaults usable.
      .catch(() => alive && setScripts((previous) => previous ?? []));
    let unwatch: (() => void) | undefined;
    try {
      unwatch = watchScripts((list) => setScripts(list));
    } catch {
      // Same: without storage events the panel keeps the scripts it has.
    }
    return () => {
      alive = false;
      if (unwatch) safely(unwatch);
    };
  }, []);
  return scripts;
}

/** Objections fold to their title: the rep scans four titles and opens the one being heard. */
function Card({ card, values, folded }: { card: ScriptCard; values: PlaceholderValues; folded: boolean }) {
  const title = <ScriptText template={card.title} values={values} />;
  const text = <ScriptText template={card.text} values={values} />;
  return folded ? (
    <details data-testid="script-card" data-card-kind={card.kind}>
      <summary>{title}</summary>
      {text}
    </details>
  ) : (
    <div data-testid="script-card" data-card-kind={card.kind}>
      <strong>{title}</strong>
      {text}
    </div>
  );
}

interface Props {
  view: LeadView;
  repName: string;
  dealerName: string;
  /** Told which script (id, version) is on screen, so the next attempt can record it. */
  onScriptShown?: (script: { id: string; version: number }) => void;
  /**
   * Whether the script is unfolded. Folded, it stays in the DOM (id, version, text) so the
   * attempt still records which script the rep had at hand; only its box is not drawn.
   */
  open?: boolean;
}

/** The element a "Script" toggle controls (aria-controls). */
export const SCRIPT_SECTION_ID = 'lp-call-script';

/**
 * The call script for this lead: the rep's language, the lead's source and situation; the
 * dealer's own scripts win over the built-in ones (lib/domain/scripts.ts decides).
 */
export function CallScriptView({ view, repName, dealerName, onScriptShown, open = true }: Props) {
  const { t, lang } = useI18n();
  const custom = useCustomScripts();
  const { script, situation, voicemail, objections } = useMemo(
    () => scriptForLead(custom ?? [], { lang, source: view.source, attemptCount: view.attemptCount }),
    [custom, lang, view.source, view.attemptCount],
  );
  const loaded = custom !== null;
  const { id, version } = script;
  const report = useEffectEvent((shown: { id: string; version: number }) => onScriptShown?.(shown));
  useEffect(() => {
    if (loaded) report({ id, version });
  }, [loaded, id, version]);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open) revealInPanel(section.current, 'start');
  }, [open]);

  const values: PlaceholderValues = {
    'customer.firstName': firstName(view.name),
    'customer.name': view.name,
    vehicle: view.vehicle,
    'rep.firstName': firstName(repName),
    'dealer.name': dealerName || undefined,
    source: view.sourceRaw ?? sourceLabel(t, view.source),
  };

  return (
    <section
      ref={section}
      className="lp-script"
      id={SCRIPT_SECTION_ID}
      data-testid="call-script"
      data-script-id={id}
      data-script-version={version}
      data-situation={situation.situation}
      data-open={open ? 'true' : 'false'}
      aria-label={t('panel.script')}
    >
      <div hidden={!open} className="lp-script-body">
        <p className="lp-section-title">
          {t('panel.script')} · {t(`scripts.situation.${situation.situation}`)} · {t('scripts.attempt', { n: situation.attemptNumber })}
        </p>
        <ol>
          {script.steps.map((step, index) => (
            <li key={index} data-step-kind={step.kind}>
              <strong>
                <ScriptText template={step.title} values={values} />
              </strong>
              <ScriptText template={step.text} values={values} />
            </li>
          ))}
        </ol>
        {voicemail.length > 0 ? (
          <div style={CARD_STYLE} data-testid="script-voicemail">
            <p className="lp-section-title" style={{ margin: 0 }}>
              {t('scripts.voicemail')}
            </p>
            <p className="lp-muted" style={{ margin: 0 }}>
              {t('scripts.voicemailHint')}
            </p>
            {voicemail.map((card, index) => (
              <Card key={index} card={card} values={values} folded={false} />
            ))}
          </div>
        ) : null}
        {objections.length > 0 ? (
          <div style={CARD_STYLE} data-testid="script-objections">
            <p className="lp-section-title" style={{ margin: 0 }}>
              {t('scripts.objections')}
            </p>
            {objections.map((card, index) => (
              <Card key={index} card={card} values={values} folded />
            ))}
          </div>
        ) : null}
      </div>
    </section>
  );
}
