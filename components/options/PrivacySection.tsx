import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { leadpaceDb } from '@/lib/db/schema';
import { RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, retentionDaysSchema } from '@/lib/domain/retention';
import { sendMessage } from '@/lib/messaging';
import { eventsCsv, leadsCsv } from '@/lib/privacy/csv';
import { collectExport, type ExportBundle } from '@/lib/privacy/export';
import { readRetentionDays, saveRetentionDays } from '@/lib/storage/retention-item';
import type { WipeResult } from '@/lib/privacy/wipe';
import { useI18n } from '../ui/i18n';
import { WipeControl } from './privacy/WipeControl';
import { SaveActions, type SaveState } from './SaveActions';
import type { Download } from './ScriptsEditor';

/** Where the section reads and writes; injectable so tests need no extension. */
export interface PrivacyApi {
  readRetention: () => Promise<number>;
  saveRetention: (days: number) => Promise<number>;
  collect: () => Promise<ExportBundle>;
  wipe: () => Promise<WipeResult>;
  now: () => number;
}

export const browserPrivacy: PrivacyApi = {
  readRetention: readRetentionDays,
  saveRetention: saveRetentionDays,
  collect: () => collectExport(leadpaceDb(), () => browser.storage.local.get(null), Date.now()),
  wipe: () => sendMessage('privacy/wipe', {}),
  now: Date.now,
};

/** Like the scripts' download, with the type each file is (a CSV is not JSON to the browser). */
export const privacyDownload: Download = (filename, text) => {
  const type = filename.endsWith('.csv') ? 'text/csv;charset=utf-8' : 'application/json';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked on the next task: the click starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

const RANGE = { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS, default: RETENTION_DEFAULT_DAYS };

function parseDays(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const days = Number(text.trim());
  return retentionDaysSchema.safeParse(days).success ? days : null;
}

function RetentionForm({ api }: { api: PrivacyApi }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    let alive = true;
    api
      .readRetention()
      .then((days) => alive && setText(String(days)))
      .catch(() => alive && setText(String(RETENTION_DEFAULT_DAYS)));
    return () => {
      alive = false;
    };
  }, [api]);
  if (text === null) return <p className="op-muted">{t('options.loading')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = parseDays(text);
    if (days === null) {
      setError(true);
      setState({ kind: 'invalid' });
      return;
    }
    api
      .saveRetention(days)
      .then((saved) => {
        setText(String(saved));
        setState({ kind: 'saved' });
      })
      .catch((e: unknown) => setState({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <form onSubmit={submit} noValidate data-testid="retention-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('privacy.retention.title')}</h3>
      <div className="op-field">
        <label htmlFor={`${id}-days`}>{t('privacy.retention.label')}</label>
        <input
          id={`${id}-days`}
          data-testid="retention-days"
          inputMode="numeric"
          value={text}
          aria-invalid={error}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setText(event.target.value);
            setError(false);
            setState({ kind: 'idle' });
          }}
          className="op-input-floor"
        />
        <span className="op-help" id={`${id}-help`}>
          {t('privacy.retention.help', RANGE)}
        </span>
        {error ? (
          <span className="op-field-error" id={`${id}-error`}>
            {t('privacy.retention.invalid', RANGE)}
          </span>
        ) : null}
      </div>
      <SaveActions label={t('privacy.retention.save')} state={state} savedTestId="retention-saved" />
    </form>
  );
}

type ExportKind = 'json' | 'leads' | 'events';

function ExportButtons({ api, download }: { api: PrivacyApi; download: Download }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (kind: ExportKind) => {
    api
      .collect()
      .then((bundle) => {
        const day = bundle.exportedAt.slice(0, 10);
        const { leads, notes, events } = bundle.database.tables;
        const file =
          kind === 'json'
            ? { name: `leadpace-export-${day}.json`, text: `${JSON.stringify(bundle, null, 2)}\n` }
            : kind === 'leads'
              ? { name: `leadpace-leads-${day}.csv`, text: leadsCsv(leads, notes, lang) }
              : { name: `leadpace-events-${day}.csv`, text: eventsCsv(events, lang) };
        download(file.name, file.text);
        setStatus({ ok: true, text: t('privacy.export.done', { file: file.name }) });
      })
      .catch((e: unknown) => setStatus({ ok: false, text: t('privacy.export.failed', { reason: e instanceof Error ? e.message : String(e) }) }));
  };
  return (
    <div data-testid="privacy-export">
      <h3>{t('privacy.export.title')}</h3>
      <p className="op-help">{t('privacy.export.help')}</p>
      <div className="op-actions">
        <button type="button" className="op-secondary" data-testid="export-json" onClick={() => run('json')}>
          {t('privacy.export.json')}
        </button>
        <button type="button" className="op-secondary" data-testid="export-leads-csv" onClick={() => run('leads')}>
          {t('privacy.export.leadsCsv')}
        </button>
        <button type="button" className="op-secondary" data-testid="export-events-csv" onClick={() => run('events')}>
          {t('privacy.export.eventsCsv')}
        </button>
        <span role="status" className="op-status">
          {status ? <span className={status.ok ? 'op-saved' : 'op-field-error'}>{status.text}</span> : null}
        </span>
      </div>
    </div>
  );
}

/** Options → Privacy: how long customer details stay, a copy of everything, and the wipe. */
export function PrivacySection({ api = browserPrivacy, download = privacyDownload }: { api?: PrivacyApi; download?: Download }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="op-card" aria-labelledby={`${id}-title`} data-testid="privacy-section">
      <h2 id={`${id}-title`}>{t('privacy.title')}</h2>
      <p className="op-help">{t('privacy.intro')}</p>
      <RetentionForm api={api} />
      <ExportButtons api={api} download={download} />
      <WipeControl api={api} />
    </section>
  );
}
