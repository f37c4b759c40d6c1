import { isManagerRole } from '../../lib/sync/roles';
import { createHmac } from 'node:crypto';
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

const PSEUDONYM_LETTERS = 4;

/** An endless stream of letters A–Z drawn from a keyed hash of the member id. */
function letterStream(salt: string, memberId: string, length: number): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    const digest = createHmac('sha256', salt).update(`pseudonym:${block}:${memberId}`).digest();
    // 26 * 9 = 234 < 256: bytes at or above it are skipped so every letter is equally likely.
    for (const byte of digest) if (byte < 234 && out.length < length) out += String.fromCharCode(65 + (byte % 26));
  }
  return out;
}

/**
 * Stable pseudonyms: each member's letters come from a keyed hash of their own id with a
 * server-only salt, so a colleague joining or leaving never changes anyone else's, and
 * nothing a rep knows (joining order, names) maps them back. Two members whose first four
 * letters collide (about 1 in 450,000 pairs) are told apart by giving the later id one more
 * letter: the earlier member keeps the label they already had.
 */
export function pseudonyms(memberIds: readonly string[], salt: string): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of [...new Set(memberIds)].sort()) {
    let length = PSEUDONYM_LETTERS;
    let label = `Rep ${letterStream(salt, id, length)}`;
    while (taken.has(label)) {
      length += 1;
      label = `Rep ${letterStream(salt, id, length)}`;
    }
    taken.add(label);
    out.set(id, label);
  }
  return out;
}

/**
 * Who appears on the board: every active rep (a rep without leads still shows, with n = 0)
 * and anyone who has leads in the period (a removed rep's past work still counts).
 */
export function boardMembers(roster: readonly RosterMember[], withLeads: ReadonlySet<string>): RosterMember[] {
  return roster.filter((m) => (m.role === 'rep' && !m.removed) || withLeads.has(m.id));
}

/**
 * Applies the team's visibility mode (the privacy rules). The server is the only place this
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
  const seesNames = mode === 'named' || isManagerRole(viewer.role);
  const seesOthers = mode !== 'team-only' || isManagerRole(viewer.role);
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
