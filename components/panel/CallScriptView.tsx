import { DEFAULT_SCRIPTS, firstName, renderTemplate, type PlaceholderValues } from '@/lib/domain/scripts';
import type { LeadView } from '@/lib/domain/lead';
import { useI18n } from '../ui/i18n';
import { sourceLabel } from '../ui/labels';

interface Props {
  view: LeadView;
  repName: string;
  dealerName: string;
}

/** The default call script in the rep's language, filled from the lead. Text only, never HTML. */
export function CallScriptView({ view, repName, dealerName }: Props) {
  const { t, lang } = useI18n();
  const script = DEFAULT_SCRIPTS[lang];
  const values: PlaceholderValues = {
    'customer.firstName': firstName(view.name),
    'customer.name': view.name,
    vehicle: view.vehicle,
    'rep.firstName': firstName(repName),
    'dealer.name': dealerName || undefined,
    source: view.sourceRaw ?? sourceLabel(t, view.source),
  };
  return (
    <details className="lp-script" data-testid="call-script" data-script-id={script.id} open={view.attemptCount === 0}>
      <summary>{t('panel.script')}</summary>
      <ol>
        {script.steps.map((step) => (
          <li key={step.title}>
            <strong>{step.title}</strong>
            {renderTemplate(step.text, values).map((segment, index) =>
              segment.kind === 'text' ? (
                <span key={index}>{segment.text}</span>
              ) : segment.kind === 'value' ? (
                <span key={index} className="lp-value">
                  {segment.text}
                </span>
              ) : (
                <span key={index} className="lp-blank" title={segment.name}>
                  ___
                </span>
              ),
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
