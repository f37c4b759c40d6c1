import { z } from 'zod';
import { STATUS_RANK } from './lead';
import { isClosed, lostReasonSchema, statusSchema, type LeadStatus, type LostReason } from './model';

/**
 * Maps the status text a CRM shows to a Leadpace status. Like the source rules, a dealer edits
 * them; unlike them, a rule matches whole words ("lost" matches "Closed Lost" but not "Lostrijk"),
 * because status texts are short and a substring such as "won" sits inside many other words.
 * `ignore` marks a text as known and meaning "no change" (New, Working…), so it is not listed
 * as unknown.
 */
export const STATUS_RULE_TARGETS = [...statusSchema.options, 'ignore'] as const;
export type StatusRuleTarget = (typeof STATUS_RULE_TARGETS)[number];

export const statusRuleSchema = z.object({
  match: z.string().trim().min(1).max(100),
  status: z.enum(STATUS_RULE_TARGETS),
  lostReason: z.optional(lostReasonSchema),
});
export type StatusRule = z.infer<typeof statusRuleSchema>;

/** A dealer's editable rule list; order matters (first match wins). */
export const statusRulesSchema = z.array(statusRuleSchema).max(500);

const rules = (status: StatusRuleTarget, lostReason: LostReason | undefined, ...matches: string[]): StatusRule[] =>
  matches.map((match) => (lostReason ? { match, status, lostReason } : { match, status }));

/**
 * Defaults in Dutch, English, German and French. Order matters: negations first ("Niet
 * verkocht" is a loss, not a sale), then losses with a reason, then the plain words from the
 * last stage back, so "Lost after appointment" is a loss and "Appointment shown" a visit, and
 * "Open - Not Contacted" (Salesforce's default) is no contact at all.
 * "Contacted" means a conversation took place (the CRM's own word for it); "Working", "In
 * behandeling", "Open" and "New" say nothing about the lead's stage and change nothing.
 */
export const DEFAULT_STATUS_RULES: readonly StatusRule[] = [
  ...rules('lost', 'other', 'not sold', 'niet verkocht', 'nicht verkauft', 'non vendu', 'not converted'),
  ...rules('lost', 'bought_elsewhere', 'bought elsewhere', 'elders gekocht', 'ergens anders gekocht', 'elsewhere', 'woanders gekauft', 'achete ailleurs'),
  ...rules('lost', 'duplicate', 'duplicate', 'dubbel', 'dubbele lead', 'duplikat', 'doublon'),
  ...rules('lost', 'wrong_number', 'wrong number', 'verkeerd nummer', 'falsche nummer', 'mauvais numero'),
  ...rules('lost', 'unreachable', 'unreachable', 'niet bereikbaar', 'onbereikbaar', 'nicht erreichbar', 'injoignable'),
  ...rules('lost', 'not_interested', 'not interested', 'geen interesse', 'kein interesse', 'pas interesse'),
  ...rules('lost', 'other', 'closed lost', 'lost', 'verloren', 'perdu', 'afgewezen', 'dead'),
  ...rules('sold', undefined, 'closed won', 'won', 'gewonnen', 'verkocht', 'sold', 'afgeleverd', 'delivered', 'verkauft', 'ausgeliefert', 'vendu', 'livre'),
  ...rules('appointment', undefined, 'visit scheduled', 'visit planned', 'bezoek gepland', 'besuch geplant', 'visite planifiee'),
  ...rules('shown', undefined, 'showroombezoek', 'shown', 'visit', 'visited', 'bezoek', 'bezocht', 'langs geweest', 'proefrit', 'test drive', 'besuch', 'probefahrt', 'visite', 'essai'),
  ...rules('appointment', undefined, 'afspraak', 'appointment', 'termin', 'rendez vous', 'rdv'),
  ...rules('ignore', undefined, 'not contacted', 'niet gesproken', 'geen contact', 'nicht kontaktiert', 'non contacte'),
  ...rules('contacted', undefined, 'contacted', 'gesproken', 'contact gehad', 'kontaktiert', 'contacte'),
  ...rules('ignore', undefined, 'in behandeling', 'working', 'open', 'new', 'nieuw', 'neu', 'nouveau', 'in progress', 'attempted', 'pending', 'in bearbeitung', 'en cours'),
];

/** Lower case, accents dropped, punctuation as spaces: "Rendez-vous" and "rendez vous" are one text. */
export function normaliseStatusText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type CrmStatusReading =
  | { kind: 'status'; status: LeadStatus; lostReason?: LostReason }
  | { kind: 'ignored' }
  | { kind: 'unknown' };

/**
 * What a CRM's status text means, by the first rule whose words all appear in it, in order.
 * `unknown` when no rule matches (Options lists those texts for mapping).
 */
export function readCrmStatus(raw: string, statusRules: readonly StatusRule[] = DEFAULT_STATUS_RULES): CrmStatusReading {
  const text = ` ${normaliseStatusText(raw)} `;
  if (text.trim().length === 0) return { kind: 'unknown' };
  for (const rule of statusRules) {
    const needle = normaliseStatusText(rule.match);
    if (needle.length === 0 || !text.includes(` ${needle} `)) continue;
    if (rule.status === 'ignore') return { kind: 'ignored' };
    if (rule.status === 'lost') return { kind: 'status', status: 'lost', lostReason: rule.lostReason ?? 'other' };
    return { kind: 'status', status: rule.status };
  }
  return { kind: 'unknown' };
}

export interface CrmStatusChange {
  status: LeadStatus;
  lostReason?: LostReason;
}

/**
 * The status change a CRM's status asks of a lead, if any. The CRM moves a lead forward only:
 * never back, never out of an end state (a lead closed here or in the CRM stays as it was
 * closed), and never again to a status it already set once — so a rep who reopens a lead the
 * CRM closed is not overruled on every view.
 */
export function crmStatusChange(
  lead: { status: LeadStatus },
  reading: CrmStatusReading,
  alreadySetByCrm: readonly LeadStatus[] = [],
): CrmStatusChange | null {
  if (reading.kind !== 'status') return null;
  if (isClosed(lead.status)) return null;
  if (STATUS_RANK[reading.status] <= STATUS_RANK[lead.status]) return null;
  if (alreadySetByCrm.includes(reading.status)) return null;
  return reading.status === 'lost' ? { status: 'lost', lostReason: reading.lostReason ?? 'other' } : { status: reading.status };
}
