import type { z } from 'zod';
import { WIRE_EVENT_TYPES, wireEventSchema, type WireEvent } from '../../lib/sync/wire';

export const FUTURE_TOLERANCE_MS = 24 * 60 * 60_000;
export const DEFAULT_RETENTION_MS = 400 * 24 * 60 * 60_000;

export interface Rejection {
  id: string | null;
  reason: string;
}

export interface Screened {
  fresh: WireEvent[];
  /** Each fresh event's JSON by id: the text the batch compared repeats by, stored as its body. */
  bodies: Map<string, string>;
  rejected: Rejection[];
  /** Repeats of an identical event inside the same batch (a client resending by mistake). */
  duplicates: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Echo the id back only when it is short enough to be one, never a megabyte of junk. */
function echoId(raw: unknown): string | null {
  return isRecord(raw) && typeof raw.id === 'string' && raw.id.length <= 64 ? raw.id : null;
}

function describe(raw: unknown, error: z.ZodError): string {
  if (!isRecord(raw)) return 'invalid_event: an event must be a JSON object';
  const type = raw.type;
  if (typeof type !== 'string' || !(WIRE_EVENT_TYPES as readonly string[]).includes(type)) {
    const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : String(typeof type);
    return `unknown_type: ${shown} is not one of ${WIRE_EVENT_TYPES.join(', ')}`;
  }
  const issue = error.issues[0];
  if (!issue) return 'invalid_event';
  const path = issue.path.map(String).join('.') || '(event)';
  if (issue.code === 'unrecognized_keys') return `unknown_field: ${issue.keys.slice(0, 5).join(', ')} not allowed`;
  return `invalid_field: ${path}: ${issue.message}`;
}

function checkTime(name: string, ms: number, now: number, retentionMs: number): string | null {
  if (ms > now + FUTURE_TOLERANCE_MS) return `in_future: ${name} is more than 24 h ahead of server time`;
  if (ms < now - retentionMs) return `too_old: ${name} is older than the retention window`;
  return null;
}

/**
 * Validates every event on its own (one bad event never sinks its batch), applies the clock
 * rules (client clocks far from server time are refused) and folds repeats of one id.
 */
export function screenEvents(raw: readonly unknown[], now: number, retentionMs: number): Screened {
  const fresh: WireEvent[] = [];
  const rejected: Rejection[] = [];
  const bodies = new Map<string, string>();
  let duplicates = 0;
  for (const item of raw) {
    const parsed = wireEventSchema.safeParse(item);
    if (!parsed.success) {
      rejected.push({ id: echoId(item), reason: describe(item, parsed.error) });
      continue;
    }
    const event = parsed.data;
    const timeProblem =
      checkTime('at', event.at, now, retentionMs) ??
      (event.type === 'lead_seen' && event.receivedAt !== null
        ? checkTime('receivedAt', event.receivedAt, now, retentionMs)
        : null);
    if (timeProblem) {
      rejected.push({ id: event.id, reason: timeProblem });
      continue;
    }
    const canonical = JSON.stringify(event);
    const earlier = bodies.get(event.id);
    if (earlier !== undefined) {
      if (earlier === canonical) duplicates += 1;
      else rejected.push({ id: event.id, reason: 'duplicate_id: another event in this batch has this id' });
      continue;
    }
    bodies.set(event.id, canonical);
    fresh.push(event);
  }
  return { fresh, bodies, rejected, duplicates };
}
