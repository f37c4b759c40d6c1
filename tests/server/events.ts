import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { WireEvent } from '@/lib/sync/wire';

/** A stand-in lead hash (64 hex); tests that need the real HMAC use server/testing/lead-hash. */
export const lead = (name: string): string => createHash('sha256').update(name).digest('hex');

type Without<T> = T extends unknown ? Omit<T, 'id' | 'v' | 'lead' | 'at'> : never;

export function ev(leadName: string, at: number, body: Without<WireEvent>, id: string = uuidv7()): WireEvent {
  return { id, v: 1, lead: lead(leadName), at, ...body } as WireEvent;
}

export const seen = (leadName: string, at: number, receivedAt: number | null = null, source = 'website') =>
  ev(leadName, at, { type: 'lead_seen', source, receivedAt });

export const attempt = (
  leadName: string,
  at: number,
  outcome: Extract<WireEvent, { type: 'attempt_logged' }>['outcome'] = 'no_answer',
  channel: Extract<WireEvent, { type: 'attempt_logged' }>['channel'] = 'call',
) => ev(leadName, at, { type: 'attempt_logged', channel, outcome });

export const status = (
  leadName: string,
  at: number,
  value: Extract<WireEvent, { type: 'status_changed' }>['status'],
  extra: { closedTooEarly?: boolean } = {},
) => ev(leadName, at, { type: 'status_changed', status: value, ...(value === 'lost' ? { lostReason: 'not_interested' } : {}), ...extra });

export const voids = (leadName: string, at: number, target: string) =>
  ev(leadName, at, { type: 'event_voided', voids: target });
