import { useEffect, useRef } from 'react';
import type { OpeningHours } from '@/lib/domain/business-time';
import type { CadenceSettings } from '@/lib/domain/cadence';
import type { LeadView } from '@/lib/domain/lead';
import { formatDateTime } from '@/lib/i18n/format';
import { useI18n } from '../ui/i18n';
import { AttemptList } from './AttemptList';
import { NoteField } from './NoteField';
import { revealInPanel } from './reveal';
import { SlaFacts } from './SlaSummary';

/** The element a "Details" toggle controls (aria-controls). */
export const DETAILS_SECTION_ID = 'lp-lead-details';

interface Props {
  view: LeadView;
  cadence: CadenceSettings;
  hours: OpeningHours;
  now: number;
  open: boolean;
  onSaveNote: (text: string) => void;
}

/**
 * What the rep reads now and then: when the lead came in, each attempt, the note. Folded by
 * default so the panel stays small over the CRM; folded, it stays in the DOM, only undrawn.
 */
export function LeadDetails({ view, cadence, hours, now, open, onSaveNote }: Props) {
  const { t, lang } = useI18n();
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open) revealInPanel(section.current, 'start');
  }, [open]);
  return (
    <section ref={section} id={DETAILS_SECTION_ID} data-testid="lead-details" data-open={open ? 'true' : 'false'} aria-label={t('panel.details')}>
      <div hidden={!open} className="lp-details">
        <p className="lp-muted lp-flush" title={view.receivedAtKnown ? undefined : t('panel.receivedFirstSeen')}>
          {t('panel.received')} {formatDateTime(view.receivedAt, lang, now, hours.timeZone)}
          {view.receivedAtKnown ? '' : ` * ${t('panel.receivedFirstSeen')}`}
        </p>
        <SlaFacts view={view} cadence={cadence} hours={hours} now={now} />
        <div>
          <p className="lp-section-title">{t('panel.attempts')}</p>
          <AttemptList attempts={view.attempts} now={now} timeZone={hours.timeZone} />
        </div>
        <NoteField key={`${view.key}\n${view.note}`} note={view.note} onSave={onSaveNote} />
      </div>
    </section>
  );
}
