import { useEffect, useId, useState } from 'react';
import { goLiveDate, goLiveFromDate } from '@/lib/domain/backlog';
import { readGoLives, setGoLive } from '@/lib/storage/go-live-item';
import { readSettings } from '@/lib/settings';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/crm-status';

/** Where a CRM's go-live lives; injectable for tests. */
export interface GoLiveStore {
  read: (crm: string) => Promise<number | null>;
  save: (crm: string, at: number) => Promise<void>;
  timeZone: () => Promise<string>;
}

export const storageGoLive: GoLiveStore = {
  read: async (crm) => (await readGoLives())[crm] ?? null,
  save: setGoLive,
  timeZone: async () => (await readSettings()).openingHours.timeZone,
};

type Note = { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; reason: string } | null;

/**
 * The day a CRM went live in this browser (Options → CRMs): leads received before it are
 * backlog. Saved as soon as a valid date is picked; moving it never changes leads already
 * recorded, only how the next ones found are counted.
 */
export function GoLiveField({ crm, store = storageGoLive }: { crm: string; store?: GoLiveStore }) {
  const { t } = useI18n();
  const id = useId();
  const [zone, setZone] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [note, setNote] = useState<Note>(null);

  useEffect(() => {
    let alive = true;
    void Promise.all([store.read(crm), store.timeZone()])
      .then(([at, timeZone]) => {
        if (!alive) return;
        setZone(timeZone);
        setValue(at === null ? '' : goLiveDate(at, timeZone));
      })
      .catch((error: unknown) => alive && setNote({ kind: 'failed', reason: String(error) }));
    return () => {
      alive = false;
    };
  }, [crm, store]);

  const save = (next: string) => {
    setValue(next);
    if (zone === null) return;
    const at = goLiveFromDate(next, zone);
    if (at === null) {
      setNote({ kind: 'invalid' });
      return;
    }
    store
      .save(crm, at)
      .then(() => setNote({ kind: 'saved' }))
      .catch((error: unknown) => setNote({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
  };

  return (
    <div className="op-field op-crm-golive" data-testid="crm-go-live">
      <label htmlFor={id}>{t('options.crm.goLive')}</label>
      <input
        id={id}
        type="date"
        data-testid="crm-go-live-input"
        value={value}
        disabled={zone === null}
        aria-describedby={`${id}-help`}
        aria-invalid={note?.kind === 'invalid'}
        onChange={(event) => save(event.target.value)}
      />
      <span className="op-help" id={`${id}-help`}>
        {t('options.crm.goLiveHelp')}
      </span>
      {note?.kind === 'saved' ? (
        <span className="op-saved" role="status">
          {t('options.crm.goLiveSaved')}
        </span>
      ) : null}
      {note?.kind === 'invalid' ? (
        <span className="op-field-error" role="alert">
          {t('options.crm.goLiveInvalid')}
        </span>
      ) : null}
      {note?.kind === 'failed' ? (
        <span className="op-field-error" role="alert">
          {t('options.statusRules.failed', { reason: note.reason })}
        </span>
      ) : null}
    </div>
  );
}
