import type { ReactNode } from 'react';
import { CARD_KINDS, type CallScript } from '@/lib/domain/scripts';
import { useI18n } from '../../ui/i18n';
import { OrderedListEditor } from '../../ui/OrderedListEditor';
import { CARD_LABELS, isCardKind } from './labels';

/** The message for a field path (`steps.0.title`), or nothing. */
export type FieldError = (path: string) => ReactNode;

type Step = CallScript['steps'][number];
type Card = CallScript['cards'][number];

const blank = (): Step & Card => ({ kind: 'other', title: '', text: '' });

/** The script's steps in order: what the rep says, one step after the other. */
export function ScriptStepsField({ draft, edit, error }: { draft: CallScript; edit: (next: CallScript) => void; error: FieldError }) {
  const { t } = useI18n();
  const editStep = (index: number, patch: Partial<Step>) =>
    edit({ ...draft, steps: draft.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  return (
    <fieldset className="op-field op-fieldset">
      <legend>{t('options.scripts.steps')}</legend>
      <OrderedListEditor
        items={draft.steps}
        onChange={(steps) => edit({ ...draft, steps })}
        newItem={blank}
        itemTestId="script-step"
        labels={{
          moveUp: (n) => t('options.scripts.moveStepUp', { n }),
          remove: (n) => t('options.scripts.removeStep', { n }),
          add: t('options.scripts.addStep'),
        }}
        footer={error('steps')}
        renderItem={(step, index) => {
          const n = index + 1;
          return (
            <>
              <input
                type="text"
                className="op-input-full"
                aria-label={t('options.scripts.stepTitle', { n })}
                value={step.title}
                onChange={(e) => editStep(index, { title: e.target.value })}
              />
              {error(`steps.${index}.title`)}
              <textarea
                rows={4}
                className="op-textarea"
                aria-label={t('options.scripts.stepText', { n })}
                value={step.text}
                onChange={(e) => editStep(index, { text: e.target.value })}
              />
              {error(`steps.${index}.text`)}
            </>
          );
        }}
      />
    </fieldset>
  );
}

/** Side cards: answers to objections the rep can open at any step. */
export function ScriptCardsField({ draft, edit, error }: { draft: CallScript; edit: (next: CallScript) => void; error: FieldError }) {
  const { t } = useI18n();
  const editCard = (index: number, patch: Partial<Card>) =>
    edit({ ...draft, cards: draft.cards.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  return (
    <fieldset className="op-field op-fieldset">
      <legend>{t('options.scripts.cards')}</legend>
      <span className="op-help">{t('options.scripts.cardsHelp')}</span>
      <OrderedListEditor
        items={draft.cards}
        onChange={(cards) => edit({ ...draft, cards })}
        newItem={blank}
        itemTestId="script-card-editor"
        labels={{ remove: (n) => t('options.scripts.removeCard', { n }), add: t('options.scripts.addCard') }}
        footer={error('cards')}
        renderItem={(card, index) => {
          const n = index + 1;
          return (
            <>
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
                className="op-textarea"
                aria-label={t('options.scripts.cardText', { n })}
                value={card.text}
                onChange={(e) => editCard(index, { text: e.target.value })}
              />
              {error(`cards.${index}.text`)}
            </>
          );
        }}
      />
    </fieldset>
  );
}
