import { firstName, type CallScript, type PlaceholderValues } from '@/lib/domain/scripts';
import { ScriptText } from '../../panel/CallScriptView';
import { useI18n } from '../../ui/i18n';
import { sourceLabel } from '../../ui/labels';
import { CARD_LABELS } from './labels';

/** The draft as the panel would show it, filled with a sample customer. */
export function ScriptPreview({ draft }: { draft: CallScript }) {
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
    <div data-testid="script-preview" className="op-preview">
      <p className="op-preview-title">{t('options.scripts.preview')}</p>
      <p className="op-help">{t('options.scripts.previewHelp')}</p>
      <ol className="op-preview-steps">
        {draft.steps.map((step, index) => (
          <li key={index}>
            <strong className="op-block">
              <ScriptText template={step.title} values={values} />
            </strong>
            <ScriptText template={step.text} values={values} />
          </li>
        ))}
      </ol>
      {draft.cards.map((card, index) => (
        <div key={index} className="op-preview-card" data-testid="preview-card">
          <strong className="op-block">
            {t(CARD_LABELS[card.kind])}: <ScriptText template={card.title} values={values} />
          </strong>
          <ScriptText template={card.text} values={values} />
        </div>
      ))}
    </div>
  );
}
