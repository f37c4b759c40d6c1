import { z } from 'zod';
import { openingHoursSchema } from '../domain/business-time';
import { STATUS_ACTORS } from '../domain/events';
import type { CohortFigures } from '../domain/lead-metrics';
import {
  channelSchema,
  lostReasonSchema,
  outcomeSchema,
  sourceIdSchema,
  statusSchema,
} from '../domain/model';
import { LEADERBOARD_PERIODS, leaderboardPeriodSchema, type LeaderboardPeriod } from './leaderboard-period';
import { teamSettingsSchema } from './team-settings';

/**
 * The pseudonymous event format v1 between the extension and the team server. Pure zod so both
 * sides validate with the same rules. Deliberately narrower than the local events: no rep id
 * (the server takes the rep from the token, never the body), no CRM id or lead id (only their
 * keyed hash), and `.strict()` objects so a client bug that adds customer data is refused
 * rather than silently stored.
 */
export const WIRE_VERSION = 1;
export const MAX_EVENTS_PER_PUSH = 500;
export const MAX_PUSH_BODY_BYTES = 512 * 1024;

/** HMAC-SHA256 of the local lead key with the team key, as lower-case hex. */
export const wireLeadSchema = z.string().regex(/^[0-9a-f]{64}$/, 'lead must be 64 lower-case hex chars');
const epochMs = z.number().int().nonnegative().max(8_640_000_000_000_000);

/*
 * Every string on the wire has a shape that cannot hold a name, a phone number, an e-mail
 * address, a note or a CRM record id: an enum, a slug, a UUID or a hex digest. Free text is
 * what would let a client bug leak customer data into the server's tables.
 */
export const WIRE_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const wireSlugSchema = z.string().regex(WIRE_SLUG, 'must be a slug: lower-case letters, digits and -, at most 64');
/**
 * A UUID in its canonical lower-case form: a replay of the same id in capitals is the same
 * event, not a second one.
 */
export const wireUuidSchema = z.uuid('must be a UUID').toLowerCase();
/**
 * The lead's `crm:recordId` sealed with AES-GCM under a key only the team's browsers hold
 * (lib/sync/team-key.ts), as bounded base64url: opaque to the server, which stores it as is.
 */
export const wireLeadRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{39,400}$/, 'ref must be 39 to 400 base64url characters');
/** SHA-256 hex of a value derived from the team key: the server's way to spot a wrong key. */
export const teamKeyFingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/, 'fingerprint must be 64 lower-case hex chars');

const common = {
  id: wireUuidSchema,
  v: z.literal(WIRE_VERSION),
  lead: wireLeadSchema,
  ref: wireLeadRefSchema.optional(),
  at: epochMs,
};

export const wireLeadSeen = z.strictObject({
  ...common,
  type: z.literal('lead_seen'),
  source: sourceIdSchema,
  receivedAt: epochMs.nullable(),
  /** Received before the CRM's go-live: the server leaves it out of every figure, as the browser does. */
  backlog: z.boolean().optional(),
});
export const wireAttemptLogged = z.strictObject({
  ...common,
  type: z.literal('attempt_logged'),
  channel: channelSchema,
  outcome: outcomeSchema,
  scriptId: wireSlugSchema.optional(),
  scriptVersion: z.number().int().nonnegative().max(1_000_000).optional(),
});
export const wireEventVoided = z.strictObject({
  ...common,
  type: z.literal('event_voided'),
  voids: wireUuidSchema,
});
export const wireStatusChanged = z.strictObject({
  ...common,
  type: z.literal('status_changed'),
  status: statusSchema,
  lostReason: z.optional(lostReasonSchema),
  /** The client's verdict at closing time (cadence rule); the server recomputes when absent. */
  closedTooEarly: z.boolean().optional(),
  /** Who changed the status: a rep in the panel (when absent), the CRM's own page, or an import. */
  actor: z.enum(STATUS_ACTORS).optional(),
});
export const wireSourceChanged = z.strictObject({
  ...common,
  type: z.literal('source_changed'),
  from: sourceIdSchema,
  to: sourceIdSchema,
});

export const WIRE_EVENT_TYPES = [
  'lead_seen',
  'attempt_logged',
  'event_voided',
  'status_changed',
  'source_changed',
] as const;

export const wireEventSchema = z.discriminatedUnion('type', [
  wireLeadSeen,
  wireAttemptLogged,
  wireEventVoided,
  wireStatusChanged,
  wireSourceChanged,
]);
export type WireEvent = z.infer<typeof wireEventSchema>;
export type WireEventType = WireEvent['type'];

export const pushRequestSchema = z.strictObject({
  events: z.array(wireEventSchema).min(1).max(MAX_EVENTS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rejectedEventSchema = z.object({
  /** Null when the event had no usable id (the client then matches by position). */
  id: z.string().nullable(),
  reason: z.string(),
});
export const pushResponseSchema = z.object({
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(rejectedEventSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Every error the server sends: a stable machine code plus a sentence for people. */
export const errorResponseSchema = z.object({
  error: z.string(),
  message: z.string(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const VISIBILITY_MODES = ['named', 'pseudonymous', 'team-only'] as const;
export const visibilitySchema = z.enum(VISIBILITY_MODES);
export type Visibility = z.infer<typeof visibilitySchema>;

export const MEMBER_ROLES = ['rep', 'manager'] as const;
/**
 * The manager role's spelling before it was renamed ('lead' read like a sales lead). Still
 * accepted from older servers, CLIs, stored connections and databases for one version, and
 * read as 'manager'; never sent.
 */
export const LEGACY_MANAGER_ROLE = 'lead';
export const memberRoleSchema = z
  .enum([...MEMBER_ROLES, LEGACY_MANAGER_ROLE])
  .transform((role): (typeof MEMBER_ROLES)[number] => (role === LEGACY_MANAGER_ROLE ? 'manager' : role));
export type MemberRole = z.output<typeof memberRoleSchema>;

export { LEADERBOARD_PERIODS, leaderboardPeriodSchema, type LeaderboardPeriod };

const rate = z.number().min(0).max(1).nullable();
const durationMs = z.number().nonnegative().nullable();

/** One rep's (or the team's) numbers over the leads received in the period. */
export const leaderboardStatsSchema = z.object({
  /** n: leads received in the period; every rate below is over this n unless noted. */
  leads: z.number().int().nonnegative(),
  /** How many of those leads got a first attempt (n of the response-time figures). */
  firstAttempts: z.number().int().nonnegative(),
  medianResponseMs: durationMs,
  p90ResponseMs: durationMs,
  /** Share of first attempts within the SLA (5 business minutes). */
  withinSlaShare: rate,
  attemptsPerLead: z.number().nonnegative().nullable(),
  contactRate: rate,
  appointmentRate: rate,
  closedTooEarly: z.number().int().nonnegative(),
  sold: z.number().int().nonnegative(),
  conversion: rate,
  /** Leads lost as duplicates, left out of n (older servers did not send it). */
  excluded: z.number().int().nonnegative().default(0),
  /** Leads from before the CRM's go-live, left out of n. */
  backlog: z.number().int().nonnegative().default(0),
  /** Leads of n that were properly worked. */
  properlyWorked: z.number().int().nonnegative().default(0),
}) satisfies z.ZodType<CohortFigures, unknown>;
export type LeaderboardStats = z.infer<typeof leaderboardStatsSchema>;

export const leaderboardRowSchema = leaderboardStatsSchema.extend({
  /** A real name, or a stable pseudonym ("Rep KQZT", fixed per member) when the viewer may not see names. */
  label: z.string(),
  /** Present only when the viewer may see who this is. */
  memberId: z.string().optional(),
  pseudonymous: z.boolean(),
  self: z.boolean(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

export const leaderboardResponseSchema = z.object({
  period: leaderboardPeriodSchema,
  /** Cohort window by received time, epoch ms [from, to), in the team's time zone. */
  from: z.number(),
  to: z.number(),
  timeZone: z.string(),
  visibility: visibilitySchema,
  slaMs: z.number(),
  team: leaderboardStatsSchema,
  rows: z.array(leaderboardRowSchema),
});
export type LeaderboardResponse = z.infer<typeof leaderboardResponseSchema>;

export const eventsPageSchema = z.object({
  events: z.array(wireEventSchema),
  /**
   * Pass as `after` for the next page: the position after the last event returned. Null when
   * the page is empty (caught up); keep the last non-null value to resume later.
   */
  next: z.string().nullable(),
});
export type EventsPage = z.infer<typeof eventsPageSchema>;

export const meResponseSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  teamId: z.string(),
  teamName: z.string(),
  visibility: visibilitySchema,
  /**
   * The fingerprint of the team key; null until the team's first manager has created one.
   * The key itself never comes from the server: it travels inside invitations.
   */
  teamKeyFingerprint: teamKeyFingerprintSchema.nullable().default(null),
  /** The server still holds the team's old key, for the manager's browser to take over once. */
  serverHoldsKey: z.boolean().default(false),
  openingHours: openingHoursSchema,
  timeZone: z.string(),
  /** The team's settings; absent from servers that predate team settings. */
  settings: teamSettingsSchema.optional(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const pairRequestSchema = z.strictObject({
  code: z.string().trim().min(1).max(32),
  /** The fingerprint of the key the invitation carried: a wrong one is refused before the code is used. */
  keyFingerprint: teamKeyFingerprintSchema.optional(),
});

/** PUT /v1/team-key: the first manager registers the key their browser created. */
export const teamKeyRegisterSchema = z.strictObject({ fingerprint: teamKeyFingerprintSchema });
/** GET /v1/team-key/legacy: the old server-held key, for the manager's browser to take over. */
export const legacyTeamKeyResponseSchema = z.object({ teamKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export const MAX_LEAD_REFS_PER_REQUEST = 200;
/** POST /v1/lead-refs: a manager's browser asks for the sealed references of listed leads. */
export const leadRefsRequestSchema = z.strictObject({ leads: z.array(wireLeadSchema).min(1).max(MAX_LEAD_REFS_PER_REQUEST) });
export const leadRefsResponseSchema = z.object({ refs: z.array(z.object({ lead: wireLeadSchema, ref: wireLeadRefSchema })) });
export type LeadRefsResponse = z.infer<typeof leadRefsResponseSchema>;
/** POST /v1/team-key/adopt: the manager's browser holds the key now; the server forgets it. */
export const teamKeyAdoptSchema = teamKeyRegisterSchema;
export const pairResponseSchema = z.object({
  token: z.string(),
  me: meResponseSchema,
});
export type PairResponse = z.infer<typeof pairResponseSchema>;
