import { v7 as uuidv7 } from 'uuid';
import { leadEventSchema, type LeadEvent } from '@/lib/domain/events';
import type { LeadpaceDb, StoredEvent } from '@/lib/db/schema';
import type { TeamConnection } from '@/lib/sync/connection';
import type { MeResponse } from '@/lib/sync/wire';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';

export const TEAM_KEY = 'k3-test-team-key-0123456789abcdef-ABCDEFGHI';
export const SERVER = 'https://team.example';

export function me(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    memberId: 'm-1',
    name: 'Anna de Boer',
    role: 'rep',
    teamId: 't-1',
    teamName: 'Autohuis Noord',
    visibility: 'named',
    teamKeyFingerprint: null,
    serverHoldsKey: false,
    openingHours: DEFAULT_OPENING_HOURS,
    timeZone: 'Europe/Amsterdam',
    ...overrides,
  };
}

export function connection(overrides: Partial<MeResponse> = {}, serverUrl = SERVER, token = 'lp_testtoken123'): TeamConnection {
  return { serverUrl, token, teamKey: TEAM_KEY, me: me(overrides), connectedAt: 0, checkedAt: 0 };
}

/** `n` valid pending events over `n / 3` leads: a lead_seen then attempts. */
export function pendingEvents(n: number, at = Date.UTC(2026, 2, 18, 9)): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let i = 0; i < n; i += 1) {
    const lead = Math.floor(i / 3);
    const leadKey = `demo:L-${lead}`;
    const base = { id: uuidv7(), v: 1 as const, leadKey, at: at + i * 1000, repId: 'rep-local' };
    const event: LeadEvent =
      i % 3 === 0
        ? leadEventSchema.parse({ ...base, type: 'lead_seen', crm: 'demo', leadId: `L-${lead}`, source: 'website', receivedAt: at })
        : leadEventSchema.parse({ ...base, type: 'attempt_logged', channel: 'call', outcome: 'no_answer' });
    events.push({ ...event, sync: 'pending' });
  }
  return events;
}

export async function syncCounts(db: LeadpaceDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = { pending: 0, sent: 0, rejected: 0 };
  await db.events.each((e) => {
    counts[e.sync] = (counts[e.sync] ?? 0) + 1;
  });
  return counts;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
