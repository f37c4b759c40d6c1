import { useEffect, useState } from 'react';
import { driftToTell, healthShare, type CrmHealth, type DriftTold } from '@/lib/domain/adapter-health';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/capture';
import '@/lib/i18n/messages/popup';

export interface DriftAccess {
  read: () => Promise<{ health: Record<string, CrmHealth>; told: DriftTold }>;
  /** The rep has seen this CRM's drop; it is not shown again until the CRM reads well again. */
  markTold: (crm: string) => Promise<void>;
}

interface Drop {
  crm: string;
  name: string;
  percent: number;
  pages: number;
}

/**
 * Says once, in the popup, that an adapter reads far less of a CRM's pages than it did: the
 * CRM probably changed its pages, and a capture is what lets the adapter be fixed. Options
 * shows the same figure all the time; this is the nudge a rep actually sees.
 */
export function DriftNotice({ access, onCapture }: { access: DriftAccess; onCapture?: () => void }) {
  const { t } = useI18n();
  const [drops, setDrops] = useState<Drop[]>([]);

  useEffect(() => {
    let alive = true;
    access
      .read()
      .then(({ health, told }) => {
        if (!alive) return;
        setDrops(
          driftToTell(health, told).map((crm) => ({
            crm,
            name: health[crm]?.name ?? crm,
            percent: Math.round((healthShare(health[crm]) ?? 0) * 100),
            pages: health[crm]?.pages.length ?? 0,
          })),
        );
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [access]);

  const [first] = drops;
  if (!first) return null;
  const done = (crm: string) => {
    setDrops((list) => list.filter((d) => d.crm !== crm));
    void access.markTold(crm).catch(() => undefined);
  };

  return (
    <section className="pp-drift" role="status" data-testid="health-drift" data-crm={first.crm}>
      <p className="pp-drift-text">
        {t('popup.drift.text', { crm: first.name, percent: first.percent, pages: first.pages })}
      </p>
      <div className="pp-drift-actions">
        {onCapture ? (
          <button
            type="button"
            className="pp-drift-capture"
            data-testid="health-drift-capture"
            onClick={() => {
              done(first.crm);
              onCapture();
            }}
          >
            {t('capture.button')}
          </button>
        ) : null}
        <button type="button" className="pp-inline-link" data-testid="health-drift-dismiss" onClick={() => done(first.crm)}>
          {t('popup.drift.dismiss')}
        </button>
      </div>
    </section>
  );
}
