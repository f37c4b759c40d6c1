import type { MemberRole } from './wire';

/**
 * Whether a team role may manage the team (invite, change settings, publish fixes, open a
 * colleague's closed-too-early lead). One place for the check, so the role's spelling on the
 * wire can change without touching every caller.
 */
export function isManagerRole(role: MemberRole | null | undefined): boolean {
  return role === 'manager';
}
