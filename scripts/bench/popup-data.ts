/**
 * Seed data for the popup benchmark: 5,000 leads and 30,000 events of valid shapes, built with
 * the domain's own fold (progressFromEvents + toLeadRecord) so the leads table agrees with the
 * events and the popup summary with the leads, and validated against leadEventSchema. Seeded
 * PRNG: every run gets the same data relative to "now".
 */
import type { StoredEvent } from '../../lib/db/schema';
import { leadEventSchema, type LeadEvent } from '../../lib/domain/events';
import { progressFromEvents, toLeadRecord, type LeadRecord } from '../../lib/domain/lead';
import { buildSummaryRows, type SummaryRow } from '../../lib/domain/popup-summary';
import { CHANNELS, DEFAULT_SOURCES, LOST_REASONS, OUTCOMES, type Outcome } from '../../lib/domain/model';

export interface PopupSeed {
  leads: LeadRecord[];
  events: StoredEvent[];
  /** The popup summary the background would have kept for these leads. */
  summary: SummaryRow[];
  openLeads: number;
  byType: Record<string, number>;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[], fallback: T): T {
  return list[Math.floor(random() * list.length)] ?? fallback;
}

/** A version-4 UUID from the seeded PRNG (z.uuid() accepts it). */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const FIRST = ['Sanne', 'Mohamed', 'Jeroen', 'Priya', 'Willem', 'Fatma', 'Kees', 'Lotte', 'Daan', 'Emma', 'Noah', 'Julia', 'Sem', 'Tess', 'Bram', 'Anouk'];
const LAST = ['de Vries', 'El Amrani', 'Bakker', 'Ramdin', 'van den Berg', 'Yılmaz', 'Jansen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters'];
const VEHICLES = [
  'Volkswagen Golf 1.5 eTSI Life (2021, 48.000 km)',
  'Škoda Octavia Combi 1.4 TSI iV Business Edition (2022, 31.500 km)',
  'Volkswagen Tiguan 1.5 TSI R-Line (2020, 62.300 km)',
  'Volkswagen ID.4 Pro 77 kWh (2023, 18.900 km)',
  'Audi A3 Sportback 35 TFSI S edition (2019, 74.000 km)',
  'Seat Leon Sportstourer 1.5 eTSI FR (2022, 27.000 km)',
];
// Mostly unanswered, as in real life; the rest any outcome.
const likelyOutcome = (random: () => number): Outcome =>
  random() < 0.7 ? pick(random, ['no_answer', 'voicemail'] as const, 'no_answer') : pick(random, OUTCOMES, 'no_answer');

export function buildPopupSeed({ leads: leadCount = 5_000, events: eventCount = 30_000, closedShare = 0.3, now = Date.now() } = {}): PopupSeed {
  const random = rng(7);
  const closedCount = Math.round(leadCount * closedShare);
  // lead_seen per lead + status_changed per closed lead; the rest are attempts.
  const attemptCount = eventCount - leadCount - closedCount;
  if (attemptCount < 0) throw new Error('not enough events for one lead_seen per lead');
  const receivedAt = Array.from({ length: leadCount }, (_, i) =>
    // About 2% of the leads came in today (last 6 hours), the rest over 30 days.
    i % 50 === 0 ? now - Math.floor(random() * 6 * HOUR) : now - Math.floor(random() * 30 * DAY),
  );
  const attemptsPer = new Array<number>(leadCount).fill(0);
  for (let k = 0; k < attemptCount; k++) {
    const i = Math.floor(random() * leadCount);
    attemptsPer[i] = (attemptsPer[i] ?? 0) + 1;
  }
  // Which leads are closed: spread over the list.
  const closed = new Set<number>();
  while (closed.size < closedCount) closed.add(Math.floor(random() * leadCount));

  const leads: LeadRecord[] = [];
  const events: StoredEvent[] = [];
  const byType: Record<string, number> = {};
  for (let i = 0; i < leadCount; i++) {
    const leadId = `L-${200000 + i}`;
    const crm = 'demo';
    const leadKey = `${crm}:${leadId}`;
    const received = receivedAt[i] ?? now;
    const source = pick(random, DEFAULT_SOURCES, 'other');
    const base = { v: 1 as const, leadKey, repId: 'rep-1' };
    const firstSeen = Math.min(now, received + Math.floor(random() * 10 * MIN));
    const list: LeadEvent[] = [
      { ...base, id: uuid(random), type: 'lead_seen', at: firstSeen, crm, leadId, source, receivedAt: received },
    ];
    let at = firstSeen;
    for (let k = 0; k < (attemptsPer[i] ?? 0); k++) {
      at = Math.min(now - 1, at + Math.floor(random() * (k === 0 ? 2 * HOUR : DAY)));
      list.push({ ...base, id: uuid(random), type: 'attempt_logged', at, channel: pick(random, CHANNELS, 'call'), outcome: likelyOutcome(random) });
    }
    if (closed.has(i)) {
      at = Math.min(now - 1, at + Math.floor(random() * DAY));
      const sold = random() < 0.4;
      list.push(
        sold
          ? { ...base, id: uuid(random), type: 'status_changed', at, status: 'sold' }
          : { ...base, id: uuid(random), type: 'status_changed', at, status: 'lost', lostReason: pick(random, LOST_REASONS, 'other') },
      );
    }
    for (const event of list) {
      const parsed = leadEventSchema.safeParse(event);
      if (!parsed.success) throw new Error(`invalid seed event: ${parsed.error.message}`);
      events.push({ ...event, sync: 'pending' });
      byType[event.type] = (byType[event.type] ?? 0) + 1;
    }
    const progress = progressFromEvents(list);
    if (!progress) throw new Error('no progress for a seeded lead');
    const name = `${pick(random, FIRST, 'Sanne')} ${pick(random, LAST, 'Bakker')}`;
    leads.push(
      toLeadRecord(
        {
          crm,
          leadId,
          url: `http://leadpace-demo.localhost:5173/leads/${leadId}`,
          name,
          phone: `+3161${String(1_000_000 + i).padStart(7, '0')}`,
          email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
          vehicle: pick(random, VEHICLES, 'Volkswagen Polo'),
          sourceRaw: source,
          missing: [],
        },
        progress,
        Math.max(at, firstSeen),
      ),
    );
  }
  return {
    leads,
    events,
    summary: buildSummaryRows(leads),
    openLeads: leads.filter((lead) => lead.open === 1).length,
    byType,
  };
}
