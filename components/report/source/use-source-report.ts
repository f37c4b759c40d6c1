import { useEffect, useMemo, useState } from 'react';
import type { LeadRecord } from '@/lib/domain/lead';
import { pacingSeries, reportLeadOf, sourceReport, type PacingPoint, type SourceReport } from '@/lib/domain/report';
import type { ReportRange } from '@/lib/domain/report-period';
import type { LeadpaceDb } from '@/lib/db/schema';
import type { Settings } from '@/lib/settings';
import { spendLookup, type SpendBook } from '@/lib/storage/spend-item';

export type ReportData =
  | { state: 'loading' }
  | { state: 'error'; reason: string }
  | { state: 'ready'; report: SourceReport; pacing: PacingPoint[] };

/** The leads received in the range, read by the receivedAt index (never the whole table). */
export function readCohort(db: LeadpaceDb, range: Pick<ReportRange, 'from' | 'to'>): Promise<LeadRecord[]> {
  return db.leads.where('receivedAt').between(range.from, range.to, true, false).toArray();
}

/** When this month's sales happened, whatever month their leads came in (pacing counts sales). */
async function readSoldDates(db: LeadpaceDb): Promise<number[]> {
  const sold = await db.leads.where('status').equals('sold').toArray();
  return sold.flatMap((lead) => (lead.soldAt === null ? [] : [lead.soldAt]));
}

export function useSourceReport(input: {
  db: LeadpaceDb;
  range: ReportRange;
  settings: Settings | null;
  spend: SpendBook;
  now: number;
  repName: string;
  /** Bumped to read the cohort again (after an import). */
  reads?: number;
}): ReportData {
  const { db, range, settings, spend, now, repName, reads = 0 } = input;
  const [raw, setRaw] = useState<{ key: string; leads: LeadRecord[]; soldDates: number[] } | { key: string; error: string } | null>(null);
  const { from, to } = range;
  const key = `${from}:${to}:${reads}`;
  useEffect(() => {
    let alive = true;
    Promise.all([readCohort(db, { from, to }), readSoldDates(db)])
      .then(([leads, soldDates]) => alive && setRaw({ key, leads, soldDates }))
      .catch((error: unknown) => alive && setRaw({ key, error: error instanceof Error ? error.message : String(error) }));
    return () => {
      alive = false;
    };
  }, [db, key, from, to]);
  // The clock ticks every minute; only the pacing depends on it, so the report itself is not
  // computed again for every tick (a year of a busy dealer's leads takes a noticeable moment).
  const report = useMemo(() => {
    if (!settings || !raw || raw.key !== key || 'error' in raw) return null;
    const reportSettings = {
      hours: settings.openingHours,
      firstAttemptSlaMs: settings.cadence.firstAttemptSlaMs,
      closeAfterAttempts: settings.cadence.closeAfterAttempts,
      floor: settings.conversionFloor,
    };
    return sourceReport({
      leads: raw.leads.map((record) => reportLeadOf(record, repName)),
      from,
      to,
      settings: reportSettings,
      spend: spendLookup(spend),
    });
  }, [settings, raw, key, from, to, spend, repName]);
  return useMemo((): ReportData => {
    if (!settings || !raw || raw.key !== key) return { state: 'loading' };
    if ('error' in raw) return { state: 'error', reason: raw.error };
    if (!report) return { state: 'loading' };
    const pacing = pacingSeries({ target: settings.monthlyTarget, soldDates: raw.soldDates, now, hours: settings.openingHours });
    return { state: 'ready', report, pacing };
  }, [settings, raw, key, report, now]);
}
