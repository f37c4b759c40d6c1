import { useState } from 'react';
import type { PopupLead } from '@/lib/domain/popup-summary-read';
import { useI18n } from '../ui/i18n';
import { LeadRow } from './LeadRow';
import '@/lib/i18n/messages/popup';

/** Rows rendered at first, and added per "show more". */
const PAGE = 30;

/**
 * The leads found in the CRM from before Leadpace went live there, nobody has worked yet: one
 * collapsed line, not a flood of week-old leads in Now and My leads. Its rows are rendered only
 * once opened, so a large backlog costs the popup nothing.
 */
export function BacklogGroup({
  leads,
  now,
  openingKey,
  onOpen,
}: {
  leads: readonly PopupLead[];
  now: number;
  openingKey: string | null;
  onOpen: (leadKey: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(PAGE);
  if (leads.length === 0) return null;
  return (
    <details className="pp-backlog" data-testid="backlog-group" data-count={leads.length} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary data-testid="backlog-summary">{t('popup.backlog.title', { count: leads.length })}</summary>
      {open ? (
        <>
          <p className="pp-muted">{t('popup.backlog.help')}</p>
          <ul className="pp-rows" data-testid="backlog-rows">
            {leads.slice(0, shown).map((lead) => (
              <LeadRow key={lead.key} lead={lead} now={now} opening={openingKey === lead.key} disabled={openingKey !== null} onOpen={onOpen} />
            ))}
          </ul>
          {leads.length > shown ? (
            <button type="button" className="pp-more" onClick={() => setShown(shown + PAGE)}>
              {t('popup.showMore', { shown, total: leads.length })}
            </button>
          ) : null}
        </>
      ) : null}
    </details>
  );
}
