import { v7 as uuidv7 } from 'uuid';
import type { LeadEvent } from '../../lib/domain/events';
import { CHANNELS, DEFAULT_SOURCES, OUTCOMES, type LeadStatus } from '../../lib/domain/model';
import type { WireEvent } from '../../lib/sync/wire';
import { hashLeadKey } from './lead-hash';
import { pick } from './random';

/**
 * Generates a rep's local history (the extension's own LeadEvent shape, customer data kept
 * beside it as the browser would) and its wire form, so tests can compare the server's numbers
 * with the extension's local computation over the very same events.
 */
export interface SimulatedLead {
  leadKey: string;
  customer: { name: string; phone: string; email: string };
  events: LeadEvent[];
}

export interface RepHistory {
  leads: SimulatedLead[];
  local: LeadEvent[];
  wire: WireEvent[];
}

const MINUTE = 60_000;

/** Local event → wire event: hash the lead key, drop everything the server must not see. */
export function toWire(event: LeadEvent, teamKey: string, closedTooEarly?: boolean): WireEvent {
  const common = { id: event.id, v: 1 as const, lead: hashLeadKey(teamKey, event.leadKey), at: event.at };
  switch (event.type) {
    case 'lead_seen':
      return { ...common, type: 'lead_seen', source: event.source, receivedAt: event.receivedAt };
    case 'attempt_logged':
      return {
        ...common,
        type: 'attempt_logged',
        channel: event.channel,
        outcome: event.outcome,
        ...(event.scriptId ? { scriptId: event.scriptId } : {}),
        ...(event.scriptVersion !== undefined ? { scriptVersion: event.scriptVersion } : {}),
      };
    case 'event_voided':
      return { ...common, type: 'event_voided', voids: event.voids };
    case 'status_changed':
      return {
        ...common,
        type: 'status_changed',
        status: event.status,
        ...(event.lostReason ? { lostReason: event.lostReason } : {}),
        ...(closedTooEarly !== undefined ? { closedTooEarly } : {}),
      };
    case 'source_changed':
      return { ...common, type: 'source_changed', from: event.from, to: event.to };
  }
}

/**
 * About `targetEvents` events over leads received in [from, until): a lead_seen (sometimes
 * with the CRM's time), a burst of attempts, sometimes an undo, sometimes a closing status.
 */
export function simulateRep(input: {
  repId: string;
  teamKey: string;
  random: () => number;
  targetEvents: number;
  from: number;
  until: number;
}): RepHistory {
  const { random, repId } = input;
  const leads: SimulatedLead[] = [];
  const local: LeadEvent[] = [];
  let n = 0;
  while (local.length < input.targetEvents) {
    n += 1;
    const leadId = `${repId}-${n}`;
    const leadKey = `demo:${leadId}`;
    const received = input.from + Math.floor(random() * (input.until - input.from - 6 * 60 * MINUTE));
    const events: LeadEvent[] = [];
    const base = { v: 1 as const, leadKey, repId };
    const seenAt = received + Math.floor(random() * 3 * MINUTE);
    events.push({
      ...base,
      id: uuidv7(),
      type: 'lead_seen',
      at: seenAt,
      crm: 'demo',
      leadId,
      source: pick(random, DEFAULT_SOURCES),
      receivedAt: random() < 0.7 ? received : null,
    });
    let t = seenAt;
    const attempts = Math.floor(random() * 8);
    for (let i = 0; i < attempts; i++) {
      t += Math.floor(random() * 90 * MINUTE) + MINUTE;
      events.push({
        ...base,
        id: uuidv7(),
        type: 'attempt_logged',
        at: t,
        channel: pick(random, CHANNELS),
        outcome: pick(random, OUTCOMES),
      });
    }
    const lastAttempt = events.at(-1);
    if (attempts > 0 && lastAttempt && random() < 0.15) {
      t += MINUTE;
      events.push({ ...base, id: uuidv7(), type: 'event_voided', at: t, voids: lastAttempt.id });
    }
    if (random() < 0.5) {
      t += MINUTE;
      const status: LeadStatus = pick(random, ['lost', 'lost', 'sold', 'appointment', 'shown', 'contacted']);
      events.push({
        ...base,
        id: uuidv7(),
        type: 'status_changed',
        at: t,
        status,
        ...(status === 'lost' ? { lostReason: 'not_interested' as const } : {}),
      });
    }
    if (random() < 0.05) {
      t += MINUTE;
      events.push({ ...base, id: uuidv7(), type: 'source_changed', at: t, from: 'other', to: 'website' });
    }
    leads.push({
      leadKey,
      customer: {
        name: `Customer ${repId} ${n} Jansen-de Vries`,
        phone: `+3161${String(1_000_000 + n).slice(-7)}${repId.length}`,
        email: `klant.${repId}.${n}@example.nl`,
      },
      events,
    });
    local.push(...events);
  }
  return { leads, local, wire: local.map((e) => toWire(e, input.teamKey)) };
}
