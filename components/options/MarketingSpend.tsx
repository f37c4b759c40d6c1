import Papa from 'papaparse';
import { useEffect, useState, type FormEvent } from 'react';
import { sourceLabel } from '@/components/ui/labels';
import { DEFAULT_SOURCES } from '@/lib/domain/model';
import { CURRENCIES, EMPTY_SPEND, readSpendBook, saveSpendBook, spendEntrySchema, type SpendBook, type SpendEntry } from '@/lib/storage/spend-item';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/report-nav';
import '@/lib/i18n/messages/report';

/** Reads "1.234,50" (Dutch) and "1,234.50" (English) alike; null for anything else. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/[€$\s]/g, '');
  if (!/^\d[\d.,]*$/.test(t)) return null;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  const decimal = lastComma > lastDot && t.length - lastComma <= 3 ? ',' : lastDot > lastComma && t.length - lastDot <= 3 ? '.' : null;
  const [whole = '', cents = ''] = decimal ? [t.slice(0, t.lastIndexOf(decimal)), t.slice(t.lastIndexOf(decimal) + 1)] : [t, ''];
  const n = Number(`${whole.replace(/[.,]/g, '')}.${cents || '0'}`);
  return Number.isFinite(n) ? n : null;
}

/** One entry per (source, month): a later value replaces an earlier one. */
function upsert(entries: readonly SpendEntry[], add: readonly SpendEntry[]): SpendEntry[] {
  const byKey = new Map(entries.map((e) => [`${e.source}|${e.month}`, e]));
  for (const e of add) byKey.set(`${e.source}|${e.month}`, e);
  return [...byKey.values()].sort((a, b) => (a.month === b.month ? (a.source < b.source ? -1 : 1) : a.month < b.month ? 1 : -1));
}

/** Options → Marketing: what each source cost per month, typed in or from a CSV (source;month;amount). */
export function MarketingSpend() {
  const { t } = useI18n();
  const [book, setBook] = useState<SpendBook>(EMPTY_SPEND);
  const [source, setSource] = useState<string>('website');
  const [month, setMonth] = useState('');
  const [amount, setAmount] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void readSpendBook().then(setBook);
  }, []);

  const save = async (next: SpendBook, ok: string) => {
    try {
      setBook(await saveSpendBook(next));
      setMessage({ kind: 'ok', text: ok });
    } catch (error) {
      setMessage({ kind: 'error', text: t('spend.saveFailed', { reason: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const entry = spendEntrySchema.safeParse({ source, month, amount: parseAmount(amount) });
    if (!entry.success) {
      setMessage({ kind: 'error', text: t('spend.invalid') });
      return;
    }
    void save({ ...book, entries: upsert(book.entries, [entry.data]) }, t('spend.saved'));
    setAmount('');
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const rows = Papa.parse<string[]>(await file.text(), { skipEmptyLines: 'greedy' }).data;
    const entries: SpendEntry[] = [];
    const bad: number[] = [];
    rows.forEach((cells, i) => {
      const [s = '', m = '', a = ''] = cells.map((c) => c.trim());
      if (i === 0 && parseAmount(a) === null) return; // a header row
      const entry = spendEntrySchema.safeParse({ source: s.toLowerCase(), month: m, amount: parseAmount(a) });
      if (entry.success) entries.push(entry.data);
      else bad.push(i + 1);
    });
    if (bad.length > 0) {
      setMessage({ kind: 'error', text: t('spend.importBad', { lines: bad.slice(0, 10).join(', ') }) });
      return;
    }
    void save({ ...book, entries: upsert(book.entries, entries) }, t('spend.imported', { n: entries.length }));
  };

  return (
    <section className="op-card" aria-labelledby="op-spend" data-testid="marketing-spend">
      <h2 id="op-spend">{t('spend.title')}</h2>
      <p className="op-muted">{t('spend.intro')}</p>
      <p>
        <a href="/report.html" target="_blank" rel="noreferrer" data-testid="open-report">
          {t('report.nav.source')}
        </a>
      </p>
      <label>
        {t('spend.currency')}{' '}
        <select data-testid="spend-currency" value={book.currency} onChange={(e) => void save({ ...book, currency: e.target.value === 'USD' ? 'USD' : 'EUR' }, t('spend.saved'))}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <form onSubmit={add} className="op-row">
        <select aria-label={t('report.col.source')} data-testid="spend-source" value={source} onChange={(e) => setSource(e.target.value)}>
          {DEFAULT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {sourceLabel(t, s)}
            </option>
          ))}
        </select>
        <input type="month" aria-label={t('spend.month')} data-testid="spend-month" value={month} onChange={(e) => setMonth(e.target.value)} required />
        <input inputMode="decimal" aria-label={t('spend.amount')} data-testid="spend-amount" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        <button type="submit" data-testid="spend-add">
          {t('spend.add')}
        </button>
      </form>
      <label>
        {t('spend.importFile')} <input type="file" accept=".csv,text/csv" data-testid="spend-file" onChange={(e) => void importFile(e.target.files?.[0])} />
      </label>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} data-testid="spend-message">
          {message.text}
        </p>
      )}
      {book.entries.length > 0 && (
        <table data-testid="spend-table">
          <tbody>
            {book.entries.map((e) => (
              <tr key={`${e.source}|${e.month}`} data-source={e.source} data-month={e.month}>
                <td>{e.month}</td>
                <td>{sourceLabel(t, e.source)}</td>
                <td>{new Intl.NumberFormat(undefined, { style: 'currency', currency: book.currency }).format(e.amount)}</td>
                <td>
                  <button type="button" onClick={() => void save({ ...book, entries: book.entries.filter((x) => x !== e) }, t('spend.saved'))}>
                    {t('spend.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
