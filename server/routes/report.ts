import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { rangeFromDates } from '../../lib/domain/report-period';
import { rateOf, sourceReport, type ReportLead, type ReportSettings, type SourceReport, type SourceRow, type SpendLookup } from '../../lib/domain/report';
import { teamSpendLookup } from '../../lib/domain/team-spend';
import { MAX_REPORT_DAYS, reportQuerySchema, type SourceRepCell, type TeamReportResponse, type TeamRepFunnel } from '../../lib/sync/report-wire';
import { describeIssues } from '../../lib/validation';
import { repIdentities, type RepIdentity } from '../domain/report-visibility';
import { metricSettingsFromJson } from '../domain/team-hours';
import { teamSettingsFromJson } from '../domain/team-settings';
import { boardMembers } from '../domain/visibility';
import { teamReportLeads } from '../sql/report-query';
import { teamRoster, teamVersion } from '../sql/leaderboard-query';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { matchesEtag } from '../http/etag';
import { FiguresCache } from '../http/figures-cache';

const DAY_MS = 86_400_000;
/** The newest closed-too-early leads listed; the total row counts all of them. */
export const CLOSED_TOO_EARLY_LISTED = 500;

/** Everything the answer needs before visibility: the team's report and each rep's rows by source. */
interface TeamFigures {
  report: SourceReport;
  perRep: Map<string, SourceRow[]>;
}

async function teamFigures(rt: Runtime, teamId: string, range: { from: number; to: number }, settings: ReportSettings, spend: SpendLookup | undefined): Promise<TeamFigures> {
  const leads = await teamReportLeads(rt.db, teamId, range.from, range.to);
  const report = sourceReport({ leads, from: range.from, to: range.to, settings, spend });
  const byRep = new Map<string, ReportLead[]>();
  for (const lead of leads) {
    const list = byRep.get(lead.rep);
    if (list) list.push(lead);
    else byRep.set(lead.rep, [lead]);
  }
  const perRep = new Map<string, SourceRow[]>();
  // Spend is per source, not per rep: a rep's cells carry no costs rather than a made-up share.
  for (const [memberId, own] of byRep) perRep.set(memberId, sourceReport({ leads: own, from: range.from, to: range.to, settings }).rows);
  return { report, perRep };
}

const byLabel = (a: { label: string; self: boolean }, b: { label: string; self: boolean }) =>
  a.label.localeCompare(b.label) || Number(b.self) - Number(a.self);

export function reportRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();
  const cache = new FiguresCache<TeamFigures>(32);

  app.get('/', async (c) => {
    const query = reportQuerySchema.safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, 'invalid_report_range', `The report needs from and to: ${describeIssues(query.error)}.`);
    const principal = c.get('principal');
    const team = teamSettingsFromJson(principal.settingsJson);
    const metric = metricSettingsFromJson(principal.settingsJson);
    const timeZone = metric.hours.timeZone;
    const range = rangeFromDates(query.data.from, query.data.to, timeZone);
    if (!range) throw new ApiError(400, 'invalid_report_range', 'from and to must be real dates, from not after to.');
    if (range.to - range.from > (MAX_REPORT_DAYS + 1) * DAY_MS) {
      throw new ApiError(400, 'invalid_report_range', `A report covers at most ${MAX_REPORT_DAYS} days.`);
    }

    const version = await teamVersion(rt.db, principal.teamId);
    if (!version) throw new ApiError(401, 'invalid_token', 'The team no longer exists.');
    const etag = `"${createHash('sha256')
      .update(['report', version.seq, version.revision, version.visibility, principal.settingsJson, range.from, range.to, principal.memberId, principal.role].join('|'))
      .digest('base64url')
      .slice(0, 27)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);

    const settings: ReportSettings = { ...metric, floor: team.conversionFloor };
    const spend = team.spend ? teamSpendLookup(team.spend) : undefined;
    const [roster, { report, perRep }] = await Promise.all([
      teamRoster(rt.db, principal.teamId),
      cache.get(`${principal.teamId}|${version.seq}|${version.revision}|${range.from}|${range.to}|${principal.settingsJson}`, () =>
        teamFigures(rt, principal.teamId, range, settings, spend),
      ),
    ]);
    const identities = repIdentities({
      mode: principal.visibility,
      viewer: { memberId: principal.memberId, role: principal.role },
      members: boardMembers(roster, new Set(perRep.keys())),
      salt: principal.pseudonymSalt,
    });

    const funnels = new Map(report.reps.map((r) => [r.rep, r]));
    const reps: TeamRepFunnel[] = [];
    const bySourceRep: SourceRepCell[] = [];
    for (const [memberId, who] of identities) {
      const funnel = funnels.get(memberId);
      reps.push(
        funnel
          ? { ...who, received: funnel.received, reached: funnel.reached, appointment: funnel.appointment, shown: funnel.shown, sold: funnel.sold, conversion: funnel.conversion }
          : { ...who, received: 0, reached: 0, appointment: 0, shown: 0, sold: 0, conversion: rateOf(0, 0, settings.floor) },
      );
      for (const row of perRep.get(memberId) ?? []) bySourceRep.push({ ...row, ...who });
    }
    reps.sort(byLabel);
    bySourceRep.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : byLabel(a, b)));

    const closedTooEarly = report.closedTooEarly.flatMap((item) => {
      const who: RepIdentity | undefined = identities.get(item.rep);
      if (!who) return [];
      return [{ lead: item.leadId, rep: who.label, self: who.self, source: item.source, attempts: item.attempts, lostReason: item.lostReason, closedAt: item.closedAt, closedBy: item.closedBy }];
    });

    const body: TeamReportResponse = {
      basis: {
        firstDate: range.firstDate,
        lastDate: range.lastDate,
        from: range.from,
        to: range.to,
        timeZone,
        openShare: report.total.openShare,
        floor: settings.floor,
        visibility: principal.visibility,
        currency: team.spend?.currency ?? null,
      },
      rows: report.rows,
      total: report.total,
      reps,
      bySourceRep,
      closedTooEarly: closedTooEarly.slice(0, CLOSED_TOO_EARLY_LISTED),
      responseBuckets: report.responseBuckets,
    };
    return c.json(body, 200);
  });

  return app;
}
