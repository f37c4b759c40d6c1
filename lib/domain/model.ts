import { z } from 'zod/mini';

// The vocabulary of docs/definitions.md, as data: every surface (panel, popup, report, server) uses
// these lists so a value can only mean one thing.
export const CHANNELS = ['call', 'whatsapp', 'email', 'sms'] as const;
export const OUTCOMES = [
  'no_answer',
  'voicemail',
  'wrong_number',
  'reached',
  'appointment',
  'not_interested',
] as const;
export const STATUSES = ['open', 'contacted', 'appointment', 'shown', 'sold', 'lost'] as const;
export const LOST_REASONS = [
  'not_interested',
  'bought_elsewhere',
  'unreachable',
  'wrong_number',
  'duplicate',
  'other',
] as const;
export const DEFAULT_SOURCES = [
  'website',
  'importer',
  'marktplaats',
  'autotrack',
  'autoscout24',
  'gaspedaal',
  'viabovag',
  'autotrader',
  'carscom',
  'cargurus',
  'truecar',
  'edmunds',
  'phone',
  'walk-in',
  'referral',
  'other',
] as const;

/** The dealership's time zone until the dealer sets another (docs/definitions.md, business time). */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

// zod/mini: every surface imports this vocabulary, the popup's first screen among them, and mini
// schemas nobody there parses with are left out of its script.
export const channelSchema = z.enum(CHANNELS);
export const outcomeSchema = z.enum(OUTCOMES);
export const statusSchema = z.enum(STATUSES);
export const lostReasonSchema = z.enum(LOST_REASONS);

export type Channel = z.infer<typeof channelSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type LeadStatus = z.infer<typeof statusSchema>;
export type LostReason = z.infer<typeof lostReasonSchema>;

/** Outcomes in which a real conversation happened (docs/definitions.md "Contact"). */
export const CONTACT_OUTCOMES: readonly Outcome[] = ['reached', 'appointment', 'not_interested'];
export const isContact = (outcome: Outcome): boolean => CONTACT_OUTCOMES.includes(outcome);

/** Statuses after which a lead no longer needs work. */
export const CLOSED_STATUSES: readonly LeadStatus[] = ['sold', 'lost'];
export const isClosed = (status: LeadStatus): boolean => CLOSED_STATUSES.includes(status);

const shortText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A source id: a default one or a dealer-added slug. */
export const sourceIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'source ids are lower-case slugs'));

/** Lead identity: the CRM's adapter id plus the CRM's own record id. */
export const crmIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));
export const leadIdSchema = shortText(200);

/**
 * What an adapter read from one CRM page. A pure function of (URL, Document): only the lead id
 * is guaranteed; everything else may be missing on a page that changed.
 */
export const leadSnapshotSchema = z.object({
  crm: crmIdSchema,
  leadId: leadIdSchema,
  url: z.url().check(z.maxLength(4000)),
  name: z.optional(shortText(300)),
  phone: z.optional(shortText(100)),
  email: z.optional(shortText(300)),
  sourceRaw: z.optional(shortText(200)),
  source: z.optional(sourceIdSchema),
  vehicle: z.optional(shortText(300)),
  /** ISO 8601, only when the page showed a creation time. */
  receivedAt: z.optional(z.iso.datetime({ offset: true })),
  statusRaw: z.optional(shortText(100)),
  /** Fields the adapter looked for and could not read, for the "couldn't read X" notice. */
  missing: z.array(z.enum(['name', 'phone', 'source', 'vehicle', 'receivedAt', 'status'])).check(z.maxLength(10)),
});
export type LeadSnapshot = z.infer<typeof leadSnapshotSchema>;
export type SnapshotField = LeadSnapshot['missing'][number];

export const leadKey = (crm: string, leadId: string): string => `${crm}:${leadId}`;
