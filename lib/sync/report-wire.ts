import { z } from 'zod';
import { STATUS_ACTORS } from '../domain/events';
import { lostReasonSchema } from '../domain/model';
import type { RepFunnel, SourceRow } from '../domain/report';
import { RESPONSE_BUCKETS } from '../domain/report';
import { currencySchema } from '../domain/team-spend';
import { visibilitySchema } from './wire';

/**
 * GET /v1/report: the team's source report, computed on the server by the same kernel as the
 * extension's own report (lib/domain/report.ts), so a row means the same on both sides. The
 * field names are the extension's SourceRow; zod here is what the extension parses it with.
 */

/** The longest window one request may ask for: a year and a bit, the report's longest period. */
export const MAX_REPORT_DAYS = 400;

export { reportQuerySchema, type ReportQuery } from './report-query';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1).nullable();
const money = z.number().nonnegative().nullable();

const rateSchema = z.object({
  n: count,
  hits: count,
  rate: share,
  interval: z.object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) }).nullable(),
  verdict: z.enum(['below', 'above', 'unsure']),
  small: z.boolean(),
});

const funnelShape = {
  received: count,
  reached: count,
  appointment: count,
  shown: count,
  sold: count,
};

export const sourceRowSchema = z.object({
  ...funnelShape,
  source: z.string().max(40),
  leads: count,
  excluded: count,
  backlog: count,
  open: count,
  openShare: share,
  contacted: count,
  contactRate: share,
  firstAttempts: count,
  medianResponseMs: z.number().nonnegative().nullable(),
  withinSlaShare: share,
  medianAttemptsBeforeClose: z.number().nonnegative().nullable(),
  closedTooEarly: count,
  conversion: rateSchema,
  worked: rateSchema,
  unworked: rateSchema,
  salesBy: z.object({ rep: count, crm: count, import: count }),
  spend: money,
  costPerLead: money,
  costPerSale: money,
}) satisfies z.ZodType<SourceRow, unknown>;

/** Who a per-rep row is, as the team's visibility mode lets this viewer see it. */
const repIdentity = {
  /** A real name, or a stable pseudonym ("Rep KQZT") when the viewer may not see names. */
  label: z.string(),
  /** Present only when the viewer may see who this is. */
  memberId: z.string().optional(),
  pseudonymous: z.boolean(),
  self: z.boolean(),
};

export const teamRepFunnelSchema = z.object({
  ...funnelShape,
  ...repIdentity,
  conversion: rateSchema,
}) satisfies z.ZodType<Omit<RepFunnel, 'rep'>, unknown>;
export type TeamRepFunnel = z.infer<typeof teamRepFunnelSchema>;

/** One rep's leads of one source. */
export const sourceRepCellSchema = sourceRowSchema.extend(repIdentity);
export type SourceRepCell = z.infer<typeof sourceRepCellSchema>;

/** A lead closed before the team's attempt threshold: pseudonymous, never a customer's name. */
export const teamClosedTooEarlySchema = z.object({
  /** The lead's pseudonymous key as the extension synced it (its own leads map back locally). */
  lead: z.string(),
  rep: z.string(),
  self: z.boolean(),
  source: z.string(),
  attempts: count,
  lostReason: z.nullable(lostReasonSchema),
  closedAt: z.number().nullable(),
  closedBy: z.enum(STATUS_ACTORS).nullable(),
});
export type TeamClosedTooEarly = z.infer<typeof teamClosedTooEarlySchema>;

export const teamReportResponseSchema = z.object({
  basis: z.object({
    /** The inclusive local dates asked for, and the cohort window they mean, epoch ms [from, to). */
    firstDate: z.string(),
    lastDate: z.string(),
    from: z.number(),
    to: z.number(),
    timeZone: z.string(),
    openShare: share,
    floor: z.number().min(0).max(1),
    visibility: visibilitySchema,
    /** The team's spend currency; null when the team keeps no spend (costs stay unknown). */
    currency: currencySchema.nullable(),
  }),
  rows: z.array(sourceRowSchema),
  total: sourceRowSchema,
  reps: z.array(teamRepFunnelSchema),
  bySourceRep: z.array(sourceRepCellSchema),
  closedTooEarly: z.array(teamClosedTooEarlySchema),
  responseBuckets: z.object(Object.fromEntries(RESPONSE_BUCKETS.map((b) => [b, count])) as Record<(typeof RESPONSE_BUCKETS)[number], typeof count>),
});
export type TeamReportResponse = z.infer<typeof teamReportResponseSchema>;
