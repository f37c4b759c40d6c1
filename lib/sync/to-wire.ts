import type { LeadEvent } from '../domain/events';
import { WIRE_SLUG, WIRE_VERSION, wireEventSchema, type WireEvent } from './wire';

/**
 * The keys a local event may have, per type. Anything else (a name, phone, e-mail or note
 * that a future change might add) makes the conversion fail instead of leaking: the local
 * events carry no customer data today, and this is the assertion that keeps it so.
 */
const COMMON_KEYS = ['id', 'v', 'leadKey', 'at', 'repId', 'type', 'sync', 'syncError'] as const;
const TYPE_KEYS: Record<LeadEvent['type'], readonly string[]> = {
  lead_seen: ['crm', 'leadId', 'source', 'receivedAt', 'backlog'],
  attempt_logged: ['channel', 'outcome', 'scriptId', 'scriptVersion'],
  event_voided: ['voids'],
  status_changed: ['status', 'lostReason', 'closedTooEarly', 'actor'],
  source_changed: ['from', 'to'],
};

export class NotSyncableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSyncableError';
  }
}

export function assertNoCustomerData(event: LeadEvent): void {
  const allowed = new Set<string>([...COMMON_KEYS, ...TYPE_KEYS[event.type]]);
  const extra = Object.keys(event).filter((key) => !allowed.has(key));
  if (extra.length > 0) throw new NotSyncableError(`local: event ${event.id} has fields that may not leave the browser: ${extra.join(', ')}`);
}

/** FNV-1a, 64 bit: a stable, synchronous digest (not a secret: script ids are the dealer's). */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The script id as the wire allows it (a slug). Ids made in the app (`custom-<uuid>`) and the
 * defaults already are; an imported file may use `_` or up to 80 characters, and those travel
 * as a digest, the same for every attempt with that script.
 */
export function wireScriptId(localId: string): string {
  return WIRE_SLUG.test(localId) ? localId : `script-${fnv1a64(localId)}`;
}

/**
 * Local event → wire event. The rep id, lead key, CRM and CRM record id stay home; the lead
 * travels only as `lead` (the keyed hash computed by the caller with the team key) and, when
 * the caller gives one, `ref` (the lead key sealed with the team key, opaque to the server).
 */
export function toWireEvent(event: LeadEvent, leadHash: string, ref?: string | null): WireEvent {
  assertNoCustomerData(event);
  const common = { id: event.id, v: WIRE_VERSION, lead: leadHash, ...(ref ? { ref } : {}), at: event.at };
  let wire: unknown;
  switch (event.type) {
    case 'lead_seen':
      wire = {
        ...common,
        type: event.type,
        source: event.source,
        receivedAt: event.receivedAt,
        ...(event.backlog !== undefined ? { backlog: event.backlog } : {}),
      };
      break;
    case 'attempt_logged':
      wire = {
        ...common,
        type: event.type,
        channel: event.channel,
        outcome: event.outcome,
        // An empty script id is "no script" locally; the wire format wants it absent.
        ...(event.scriptId ? { scriptId: wireScriptId(event.scriptId) } : {}),
        ...(event.scriptId && event.scriptVersion !== undefined ? { scriptVersion: event.scriptVersion } : {}),
      };
      break;
    case 'event_voided':
      wire = { ...common, type: event.type, voids: event.voids };
      break;
    case 'status_changed':
      wire = {
        ...common,
        type: event.type,
        status: event.status,
        ...(event.lostReason !== undefined ? { lostReason: event.lostReason } : {}),
        ...(event.closedTooEarly !== undefined ? { closedTooEarly: event.closedTooEarly } : {}),
        ...(event.actor !== undefined ? { actor: event.actor } : {}),
      };
      break;
    case 'source_changed':
      wire = { ...common, type: event.type, from: event.from, to: event.to };
      break;
  }
  // Validated here with the server's own rules, so a bad event is quarantined locally with a
  // reason instead of costing a request.
  const parsed = wireEventSchema.safeParse(wire);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NotSyncableError(`local: invalid_field: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'}`);
  }
  return parsed.data;
}
