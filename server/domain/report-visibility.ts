import { isManagerRole } from '../../lib/sync/roles';
import type { Visibility } from '../../lib/sync/wire';
import { pseudonyms, type RosterMember, type Viewer } from './visibility';

export interface RepIdentity {
  label: string;
  memberId?: string;
  pseudonymous: boolean;
  self: boolean;
}

/**
 * Who each per-rep figure may be shown as, by the leaderboard's rules: everyone sees their own
 * name; in `named` mode everyone's; in pseudonymous mode the others as stable pseudonyms; in
 * `team-only` mode a rep sees no other rep at all (only team totals). The team's manager sees
 * every name. Members missing from the map must not be shown.
 */
export function repIdentities(input: { mode: Visibility; viewer: Viewer; members: readonly RosterMember[]; salt: string }): Map<string, RepIdentity> {
  const { mode, viewer } = input;
  const seesNames = mode === 'named' || isManagerRole(viewer.role);
  const seesOthers = mode !== 'team-only' || isManagerRole(viewer.role);
  const names = seesNames ? null : pseudonyms(input.members.map((m) => m.id), input.salt);
  const out = new Map<string, RepIdentity>();
  for (const member of input.members) {
    const self = member.id === viewer.memberId;
    if (!self && !seesOthers) continue;
    const showName = seesNames || self;
    out.set(member.id, {
      label: showName ? member.name : (names?.get(member.id) ?? 'Rep'),
      ...(showName ? { memberId: member.id } : {}),
      pseudonymous: !showName,
      self,
    });
  }
  return out;
}
