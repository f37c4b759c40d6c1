import Papa from 'papaparse';
import { useMemo, useState } from 'react';
import { useI18n } from '@/components/ui/i18n';
import type { LeadpaceDb } from '@/lib/db/schema';
import type { SalesImportOutcome } from '@/lib/db/import-writes';
import { guessMapping, planImport, previewDate, type ImportMapping, type KnownLead } from '@/lib/domain/sold-import';
import { SALES_IMPORT_MAX, sendMessage, type Result } from '@/lib/messaging';
import '@/lib/i18n/messages/report';

/** Sends one batch of sales to the background, the single writer. */
export type SendSales = (sales: { leadKey: string; soldAt: number }[]) => Promise<Result<SalesImportOutcome>>;

const sendToBackground: SendSales = (sales) => sendMessage('sales/import', { sales });

type Loaded = { rows: string[][]; known: Map<string, KnownLead[]> };
type Field = 'recordId' | 'soldDate' | 'source' | 'createdDate' | 'rep';
const FIELDS: readonly Field[] = ['recordId', 'soldDate', 'source', 'createdDate', 'rep'];
const PREVIEW = 8;

/** Every lead of this browser by its CRM record id (several CRMs may share one). */
async function knownLeads(db: LeadpaceDb): Promise<Map<string, KnownLead[]>> {
  const byId = new Map<string, KnownLead[]>();
  await db.leads.each((lead) => {
    const list = byId.get(lead.leadId);
    const known = { key: lead.key, status: lead.status };
    if (list) list.push(known);
    else byId.set(lead.leadId, [known]);
  });
  return byId;
}

/**
 * Pick a CSV, map its columns, see what every line will do, then import. Any bad line that is
 * still included blocks the whole import, so a half-right file never half-imports.
 */
export function SoldDealsImport({ db, now, timeZone, onImported, send = sendToBackground }: { db: LeadpaceDb; now: number; timeZone: string; onImported: () => void; send?: SendSales }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [columns, setColumns] = useState<Partial<Record<Field, number>>>({});
  const [dateOrder, setDateOrder] = useState<ImportMapping['dateOrder']>('dmy');
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | undefined) => {
    setMessage(null);
    setLoaded(null);
    setSkipped(new Set());
    if (!file) return;
    const parsed = Papa.parse<string[]>(await file.text(), { skipEmptyLines: 'greedy' });
    const fatal = parsed.errors.find((e) => e.type !== 'Delimiter');
    if (fatal) {
      setMessage({ kind: 'error', text: t('report.import.unreadable', { reason: `${fatal.message} (${t('report.import.line')} ${(fatal.row ?? 0) + 1})` }) });
      return;
    }
    if (parsed.data.length === 0) {
      setMessage({ kind: 'error', text: t('report.import.empty') });
      return;
    }
    setColumns(guessMapping(parsed.data[0] ?? []));
    setLoaded({ rows: parsed.data, known: await knownLeads(db) });
  };

  const plan = useMemo(() => {
    if (!loaded || columns.recordId === undefined || columns.soldDate === undefined) return null;
    const mapping: ImportMapping = { ...columns, recordId: columns.recordId, soldDate: columns.soldDate, dateOrder };
    return planImport({ rows: loaded.rows, hasHeader, mapping, known: (id) => loaded.known.get(id) ?? [], now, timeZone });
  }, [loaded, hasHeader, columns, dateOrder, now, timeZone]);
  const included = plan ? plan.lines.filter((l) => !skipped.has(l.line)) : [];
  const bad = plan ? plan.lines.filter((l) => l.action === 'bad') : [];
  const blocked = included.some((l) => l.action === 'bad');
  const toSell = included.flatMap((l) => (l.action === 'sell' && l.leadKey && l.soldAt !== null ? [{ leadKey: l.leadKey, soldAt: l.soldAt }] : []));
  const header = loaded?.rows[0] ?? [];
  const width = Math.max(0, ...(loaded?.rows.slice(0, 50).map((r) => r.length) ?? [0]));

  const run = async () => {
    setBusy(true);
    setMessage(null);
    let sold = 0;
    let already = 0;
    for (let i = 0; i < toSell.length; i += SALES_IMPORT_MAX) {
      const result = await send(toSell.slice(i, i + SALES_IMPORT_MAX));
      if (!result.ok) {
        setBusy(false);
        setMessage({ kind: 'error', text: t('report.import.failed', { reason: result.reason }) });
        return;
      }
      sold += result.value.sold;
      already += result.value.alreadySold;
    }
    setBusy(false);
    setMessage({ kind: 'ok', text: t('report.import.done', { sold, already }) });
    setLoaded(null);
    onImported();
  };

  return (
    <section className="rp-card rp-no-print" aria-labelledby="rp-import" data-testid="sold-import">
      <h2 id="rp-import">{t('report.import.title')}</h2>
      <p className="rp-muted">{t('report.import.intro')}</p>
      <label>
        {t('report.import.file')} <input type="file" accept=".csv,text/csv,text/plain" data-testid="import-file" onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
      {loaded && (
        <div className="rp-import-map">
          <label>
            <input type="checkbox" checked={hasHeader} onChange={(e) => setHasHeader(e.target.checked)} data-testid="import-header" /> {t('report.import.header')}
          </label>
          {FIELDS.map((field) => (
            <label key={field}>
              {t(`report.import.col.${field}`)}{' '}
              <select
                data-testid={`import-col-${field}`}
                value={columns[field] ?? ''}
                onChange={(e) => setColumns((c) => ({ ...c, [field]: e.target.value === '' ? undefined : Number(e.target.value) }))}
              >
                <option value="">{t('report.import.none')}</option>
                {Array.from({ length: width }, (_, i) => (
                  <option key={i} value={i}>
                    {hasHeader && header[i] ? header[i] : `#${i + 1}`}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            {t('report.import.dateOrder')}{' '}
            <select data-testid="import-date-order" value={dateOrder} onChange={(e) => setDateOrder(e.target.value === 'mdy' ? 'mdy' : 'dmy')}>
              <option value="dmy">{t('report.import.dmy')}</option>
              <option value="mdy">{t('report.import.mdy')}</option>
            </select>
          </label>
        </div>
      )}
      {loaded && !plan && <p className="rp-error">{t('report.import.mapMissing')}</p>}
      {plan && (
        <>
          <p
            data-testid="import-counts"
            data-sell={plan.counts.sell}
            data-already-sold={plan.counts['already-sold']}
            data-unknown={plan.counts.unknown}
            data-repeated={plan.counts.repeated}
            data-bad={plan.counts.bad}
          >
            {t('report.import.counts', { sell: plan.counts.sell, already: plan.counts['already-sold'], unknown: plan.counts.unknown, repeated: plan.counts.repeated, bad: plan.counts.bad })}
          </p>
          <h3>{t('report.import.preview')}</h3>
          <table className="rp-table rp-compact" data-testid="import-preview">
            <thead>
              <tr>
                <th scope="col">{t('report.import.line')}</th>
                <th scope="col">{t('report.import.col.recordId')}</th>
                <th scope="col">{t('report.import.col.soldDate')}</th>
                <th scope="col">{t('report.import.does')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.lines.slice(0, PREVIEW).map((l) => (
                <tr key={l.line} data-line={l.line} data-action={l.action}>
                  <td>{l.line}</td>
                  <th scope="row">{l.recordId || '–'}</th>
                  <td>{l.soldAt === null ? '–' : previewDate(l.soldAt, timeZone)}</td>
                  <td>
                    {t(`report.import.action.${l.action}`)}
                    {l.problem ? `: ${t(`report.import.problem.${l.problem}`)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {bad.length > 0 && (
            <div data-testid="import-bad">
              <p>{t('report.import.bad')}</p>
              <ul>
                {bad.map((l) => (
                  <li key={l.line} data-line={l.line}>
                    <label>
                      <input
                        type="checkbox"
                        data-testid={`import-skip-${l.line}`}
                        checked={skipped.has(l.line)}
                        onChange={(e) =>
                          setSkipped((s) => {
                            const next = new Set(s);
                            if (e.target.checked) next.add(l.line);
                            else next.delete(l.line);
                            return next;
                          })
                        }
                      />{' '}
                      {t('report.import.skip')} — {t('report.import.line')} {l.line}: {t(`report.import.problem.${l.problem ?? 'bad-date'}`)}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {blocked && (
            <p className="rp-error" role="alert">
              {t('report.import.blocked')}
            </p>
          )}
          <button type="button" data-testid="import-run" disabled={blocked || busy || toSell.length === 0} onClick={() => void run()}>
            {t('report.import.run', { n: toSell.length })}
          </button>
        </>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'rp-error' : undefined} data-testid="import-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
