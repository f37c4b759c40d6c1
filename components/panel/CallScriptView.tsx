import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import { browser } from 'wxt/browser';
import {
  firstName,
  renderTemplate,
  scriptForLead,
  SCRIPT_LANGS,
  type PlaceholderValues,
  type ScriptCard,
} from '@/lib/domain/scripts';
import type { LeadView } from '@/lib/domain/lead';
import { scriptLanguageFor } from '@/lib/domain/script-language';
import { SETTING_FOR_PLACEHOLDER, type FillableSetting } from '@/lib/open-setting';
import { useI18n } from '../ui/i18n';
import { sourceLabel } from '../ui/labels';
import { revealInPanel } from './reveal';
import { useChosenLanguage, useCustomScripts } from './use-call-scripts';
import '@/lib/i18n/messages/panel';
import '@/lib/i18n/messages/script-language';
import '@/lib/i18n/messages/scripts';

/** How a blank that a setting fills links to that setting. */
export interface BlankFiller {
  label: (field: FillableSetting) => { text: string; hint: string };
  open: (field: FillableSetting) => void;
}

/**
 * A template as React text nodes: values bold, missing ones as a visible blank named in its
 * title; a blank a setting fills (the rep's name, the dealership) is a button to that
 * setting. Never HTML, so a value read from a CRM page cannot become markup.
 */
export function ScriptText({ template, values, filler }: { template: string; values: PlaceholderValues; filler?: BlankFiller }) {
  return (
    <>
      {renderTemplate(template, values).map((segment, index) => {
        if (segment.kind === 'text') return <span key={index}>{segment.text}</span>;
        if (segment.kind === 'value') {
          return (
            <span key={index} className="lp-value">
              {segment.text}
            </span>
          );
        }
        const field = Object.prototype.hasOwnProperty.call(SETTING_FOR_PLACEHOLDER, segment.name) ? SETTING_FOR_PLACEHOLDER[segment.name] : undefined;
        if (filler && field) {
          const { text, hint } = filler.label(field);
          return (
            <button
              key={index}
              type="button"
              className="lp-blank lp-blank-link"
              title={hint}
              aria-label={hint}
              data-testid="script-blank-link"
              data-field={field}
              onClick={() => filler.open(field)}
            >
              {text}
            </button>
          );
        }
        return (
          <span key={index} className="lp-blank" title={segment.name}>
            ___
          </span>
        );
      })}
    </>
  );
}

const openSettingInWorker = (field: FillableSetting) => void browser.runtime.sendMessage({ leadpaceOpenSetting: field }).catch(() => undefined);

/** Objections fold to their title: the rep scans four titles and opens the one being heard. */
function Card({ card, values, folded, filler }: { card: ScriptCard; values: PlaceholderValues; folded: boolean; filler: BlankFiller }) {
  const title = <ScriptText template={card.title} values={values} filler={filler} />;
  const text = <ScriptText template={card.text} values={values} filler={filler} />;
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
  /** Opens the setting that fills a blank; the worker opens Options by default. */
  openSetting?: (field: FillableSetting) => void;
}

/** The element a "Script" toggle controls (aria-controls). */
export const SCRIPT_SECTION_ID = 'lp-call-script';

/**
 * The call script for this lead: the rep's language, the lead's source and situation; the
 * dealer's own scripts win over the built-in ones (lib/domain/scripts.ts decides).
 */
export function CallScriptView({ view, repName, dealerName, onScriptShown, openSetting = openSettingInWorker, open = true }: Props) {
  const { t, lang: uiLang } = useI18n();
  const custom = useCustomScripts();
  const { chosen, loaded: languageLoaded, choose } = useChosenLanguage(view.key);
  const lang = scriptLanguageFor({ source: view.source, chosen }, uiLang);
  const { script, situation, voicemail, objections } = useMemo(
    () => scriptForLead(custom ?? [], { lang, source: view.source, attemptCount: view.attemptCount }),
    [custom, lang, view.source, view.attemptCount],
  );
  const filler: BlankFiller = {
    label: (field) => ({ text: t(`scriptBlank.${field}`), hint: t(`scriptBlank.${field}Hint`) }),
    open: openSetting,
  };
  // Reported once both are read, so the attempt never records a script that flashed by.
  const loaded = custom !== null && languageLoaded;
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
      data-lang={lang}
      data-open={open ? 'true' : 'false'}
      aria-label={t('panel.script')}
    >
      <div hidden={!open} className="lp-script-body">
        <p className="lp-section-title">
          {t('panel.script')} · {t(`scripts.situation.${situation.situation}`)} · {t('scripts.attempt', { n: situation.attemptNumber })}
        </p>
        <div role="group" aria-label={t('scriptLang.label')} className="lp-script-lang" data-testid="script-lang">
          {SCRIPT_LANGS.map((option) => (
            <button
              key={option}
              type="button"
              className="lp-chip"
              aria-pressed={lang === option}
              aria-label={t(`scriptLang.${option}`)}
              title={t(`scriptLang.${option}`)}
              data-testid={`script-lang-${option}`}
              onClick={() => choose(option)}
            >
              {option.toUpperCase()}
            </button>
          ))}
        </div>
        <ol>
          {script.steps.map((step, index) => (
            <li key={index} data-step-kind={step.kind}>
              <strong>
                <ScriptText template={step.title} values={values} filler={filler} />
              </strong>
              <ScriptText template={step.text} values={values} filler={filler} />
            </li>
          ))}
        </ol>
        {voicemail.length > 0 ? (
          <div className="lp-script-cards" data-testid="script-voicemail">
            <p className="lp-section-title lp-flush">
              {t('scripts.voicemail')}
            </p>
            <p className="lp-muted lp-flush">
              {t('scripts.voicemailHint')}
            </p>
            {voicemail.map((card, index) => (
              <Card key={index} card={card} values={values} folded={false} filler={filler} />
            ))}
          </div>
        ) : null}
        {objections.length > 0 ? (
          <div className="lp-script-cards" data-testid="script-objections">
            <p className="lp-section-title lp-flush">
              {t('scripts.objections')}
            </p>
            {objections.map((card, index) => (
              <Card key={index} card={card} values={values} folded filler={filler} />
            ))}
          </div>
        ) : null}
      </div>
    </section>
  );
}
