import { localDate, rangeFromDates } from '../../lib/domain/report-period';
import { teamReportResponseSchema } from '../../lib/sync/report-wire';
import type { createApp } from '../../server/app';
import type { Db } from '../../server/db/connect';
import { metricSettingsFromJson } from '../../server/domain/team-hours';
import { cohortFiguresByMember } from '../../server/sql/leaderboard-query';
import { readTeamSettings } from '../../server/sql/team-settings';

const DAY = 86_400_000;
const RUNS = 8;

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;

/**
 * GET /v1/report for the last 365 local days against the leaderboard's query over the same
 * window on the same engine (the report reads more columns and runs the kernel per source
 * and per rep on top). The report keeps no figures cache, so every request is a full one.
 */
export async function benchTeamReport(input: {
  name: string;
  db: Db;
  app: ReturnType<typeof createApp>;
  teamId: string;
  tokens: { lead: string; rep: string };
  now: number;
}): Promise<void> {
  const { name, db, app, teamId, now } = input;
  const settings = await readTeamSettings(db, teamId);
  if (!settings) throw new Error('bench team has no settings');
  const zone = settings.openingHours.timeZone;
  const from = localDate(now - 364 * DAY, zone);
  const to = localDate(now, zone);
  const range = rangeFromDates(from, to, zone);
  if (!range) throw new Error('bad bench range');

  const metric = metricSettingsFromJson(JSON.stringify(settings));
  const boardTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await cohortFiguresByMember(db, teamId, range.from, range.to, metric);
    boardTimes.push(performance.now() - started);
  }
  const board = median(boardTimes.slice(1));
  console.log(`${name}: leaderboard query over the same year  median ${board.toFixed(1)} ms`);

  // Uncached: each run asks for a window one day shorter, so no run reuses another's figures.
  const fresh: number[] = [];
  let leads = 0;
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const first = localDate(now - (364 - run) * DAY, zone);
    const started = performance.now();
    const res = await app.request(`/v1/report?from=${first}&to=${to}`, { headers: { authorization: `Bearer ${input.tokens.lead}` } });
    const text = await res.text();
    fresh.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`report failed ${res.status}: ${text}`);
    if (run === 0) {
      bytes = text.length;
      leads = teamReportResponseSchema.parse(JSON.parse(text)).total.leads;
    }
  }
  const computed = median(fresh);
  console.log(
    `${name}: /v1/report ${from}…${to} (cohort ${leads.toLocaleString('en-US')} leads, ${Math.round(bytes / 1024)} kB)  computed: median ${computed.toFixed(1)} ms, max ${Math.max(...fresh).toFixed(1)} ms → ${(computed / board).toFixed(1)}× the leaderboard query`,
  );
  // Shared: another member (a rep, with their own visibility) opening the same year after that.
  for (const [who, token] of Object.entries(input.tokens)) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const res = await app.request(`/v1/report?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
      await res.text();
      times.push(performance.now() - started);
    }
    console.log(`${name}: /v1/report same year again (${who} token, figures shared)  median ${median(times.slice(1)).toFixed(1)} ms`);
  }
}
