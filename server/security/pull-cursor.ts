import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';

/*
 * The pull cursor is the team's commit sequence of the last event returned, encrypted: the
 * raw sequence would tell a rep how many events colleagues pushed between two of their own
 * (even in team-only mode). One AES block holds the sequence and a tag of the member, so a
 * cursor is opaque, unforgeable in practice, and useless to anyone but the rep it was made
 * for. The key is derived from the team's server-only salt; nothing is stored.
 */

const CURSOR_SHAPE = /^[A-Za-z0-9_-]{22}$/;

function cursorKey(teamSecret: string): Buffer {
  return createHmac('sha256', teamSecret).update('pull-cursor').digest().subarray(0, 16);
}

function memberTag(memberId: string): Buffer {
  return createHash('sha256').update(`pull-cursor:${memberId}`).digest().subarray(0, 8);
}

export function encodePullCursor(teamSecret: string, memberId: string, seq: number): string {
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(BigInt(seq), 0);
  memberTag(memberId).copy(block, 8);
  // One block of unique plaintext: ECB is a plain block-cipher call here, not a mode leak.
  const cipher = createCipheriv('aes-128-ecb', cursorKey(teamSecret), null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
}

/** The sequence inside a cursor made for this member, or null for anything else. */
export function decodePullCursor(teamSecret: string, memberId: string, cursor: string): number | null {
  if (!CURSOR_SHAPE.test(cursor)) return null;
  const sealed = Buffer.from(cursor, 'base64url');
  if (sealed.length !== 16) return null;
  const decipher = createDecipheriv('aes-128-ecb', cursorKey(teamSecret), null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
  if (!block.subarray(8).equals(memberTag(memberId))) return null;
  const seq = block.readBigUInt64BE(0);
  return seq > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(seq);
}
