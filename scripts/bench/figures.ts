/**
 * Machine-readable benchmark figures: every section records each figure under a stable name
 * (`popup.firstRender.medianMs`), with its goal, so `npm run bench -- --json <file>` can be read by
 * a program and two runs can be compared name by name.
 *
 * Child processes (the server benchmark) cannot share this module's memory: when
 * LEADPACE_BENCH_FIGURES names a file, `recordFigure` also appends one JSON line per figure
 * there, and the parent reads them back with `readChildFigures`.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const goalSchema = z.object({
  /** `max`: the figure must be at most `value`; `min`: at least. */
  kind: z.enum(['max', 'min']),
  value: z.number(),
});

export const figureSchema = z.object({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-zA-Z0-9]+)+$/),
  value: z.number().nullable(),
  unit: z.string(),
  goal: goalSchema.optional(),
  met: z.boolean().optional(),
  note: z.string().optional(),
});

export type Figure = z.infer<typeof figureSchema>;
export type Goal = z.infer<typeof goalSchema>;

export const atMost = (value: number): Goal => ({ kind: 'max', value });
export const atLeast = (value: number): Goal => ({ kind: 'min', value });

const figures = new Map<string, Figure>();

export const CHILD_FIGURES_ENV = 'LEADPACE_BENCH_FIGURES';

function isMet(value: number | null, goal: Goal | undefined): boolean | undefined {
  if (!goal) return undefined;
  if (value === null || !Number.isFinite(value)) return false;
  return goal.kind === 'max' ? value <= goal.value : value >= goal.value;
}

/**
 * Records one figure. A NaN or infinite value is kept as null (JSON has no NaN) and never meets
 * its goal. The same name recorded twice keeps the later value: a section re-run replaces.
 */
export function recordFigure(name: string, value: number, unit: string, goal?: Goal, note?: string): Figure {
  const finite = Number.isFinite(value) ? value : null;
  const figure = figureSchema.parse({ name, value: finite, unit, goal, met: isMet(finite, goal), note });
  figures.set(name, figure);
  const childFile = process.env[CHILD_FIGURES_ENV];
  if (childFile) appendFileSync(childFile, `${JSON.stringify(figure)}\n`);
  return figure;
}

/** Reads figures a child process appended to `file` and records them here. */
export function readChildFigures(file: string): number {
  if (!existsSync(file)) return 0;
  let count = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const parsed = figureSchema.safeParse(JSON.parse(line));
    if (!parsed.success) continue;
    figures.set(parsed.data.name, parsed.data);
    count += 1;
  }
  return count;
}

export function allFigures(): Figure[] {
  return [...figures.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function writeFiguresJson(file: string, meta: Record<string, string>): void {
  const list = allFigures();
  const withGoal = list.filter((f) => f.goal);
  const body = {
    ...meta,
    figures: list,
    goals: { total: withGoal.length, met: withGoal.filter((f) => f.met).length },
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}
