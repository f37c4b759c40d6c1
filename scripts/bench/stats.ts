/** Small helpers shared by the benchmark sections: summaries and number formatting. */

export interface Summary {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function summarise(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: median(values),
    p90: percentile(values, 90),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

export const ms = (value: number, digits = 1): string => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a');
export const num = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** "median 23.4 ms (p90 31.0, min 18.2, max 40.1, n=20)" */
export function describe(s: Summary, digits = 1): string {
  return `median ${ms(s.median, digits)} (p90 ${num(s.p90, digits)}, min ${num(s.min, digits)}, max ${num(s.max, digits)}, n=${s.n})`;
}

export function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}

/** One row of the closing table: what, the figure, and the goal (if there is one). */
export interface TableRow {
  metric: string;
  value: string;
  goal?: string;
}

export function formatTable(rows: readonly TableRow[]): string {
  const header: TableRow = { metric: 'metric', value: 'value', goal: 'goal' };
  const all = [header, ...rows];
  const w1 = Math.max(...all.map((r) => r.metric.length));
  const w2 = Math.max(...all.map((r) => r.value.length));
  const line = (r: TableRow) => `${r.metric.padEnd(w1)}  ${r.value.padEnd(w2)}  ${r.goal ?? ''}`.trimEnd();
  const rule = `${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(8)}`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
