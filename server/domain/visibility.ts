import { createHash } from 'node:crypto';
import type {
  LeaderboardRow,
  LeaderboardStats,
  MemberRole,
  Visibility,
} from '../../lib/sync/wire';

export interface RosterMember {
  id: string;
  name: string;
  role: MemberRole;
  removed: boolean;
}

export interface Viewer {
  memberId: string;
  role: MemberRole;
}

/** "A", "B", … "Z", "AA", "AB", … */
function letters(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/**
 * Stable pseudonyms: ordered by a keyed hash with a server-only salt, so the letters do not
 * follow joining order or anything else a rep could use to map them back to colleagues.
 */
export function pseudonyms(memberIds: readonly string[], salt: string): Map<string, string> {
  const keyed = memberIds.map((id) => ({
    id,
    key: createHash('sha256').update(`${salt}:${id}`).digest('hex'),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(keyed.map((entry, i) => [entry.id, `Rep ${letters(i)}`]));
}

/**
 * Who appears on the board: every active rep (a rep without leads still shows, with n = 0)
 * and anyone who has leads in the period (a removed rep's past work still counts).
 */
export function boardMembers(roster: readonly RosterMember[], withLeads: ReadonlySet<string>): RosterMember[] {
  return roster.filter((m) => (m.role === 'rep' && !m.removed) || withLeads.has(m.id));
}

/**
 * Applies the team's visibility mode (PRODUCT.md privacy). The server is the only place this
 * is decided: a client never receives a name or id it may not show.
 */
export function visibleRows(input: {
  mode: Visibility;
  viewer: Viewer;
  members: readonly RosterMember[];
  stats: ReadonlyMap<string, LeaderboardStats>;
  empty: LeaderboardStats;
  salt: string;
}): LeaderboardRow[] {
  const { mode, viewer } = input;
  const seesNames = mode === 'named' || viewer.role === 'lead';
  const seesOthers = mode !== 'team-only' || viewer.role === 'lead';
  const names = seesNames ? null : pseudonyms(input.members.map((m) => m.id), input.salt);
  const rows: LeaderboardRow[] = [];
  for (const member of input.members) {
    const self = member.id === viewer.memberId;
    if (!self && !seesOthers) continue;
    const stats = input.stats.get(member.id) ?? input.empty;
    const showName = seesNames || self;
    rows.push({
      ...stats,
      label: showName ? member.name : (names?.get(member.id) ?? 'Rep'),
      ...(showName ? { memberId: member.id } : {}),
      pseudonymous: !showName,
      self,
    });
  }
  return rows.sort((a, b) => a.label.localeCompare(b.label) || Number(b.self) - Number(a.self));
}
