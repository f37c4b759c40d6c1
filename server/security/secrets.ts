import { createHash, randomBytes, randomInt } from 'node:crypto';

export const TOKEN_PREFIX = 'lp_';
/** Pairing codes avoid look-alike characters (0/O, 1/I/L) since people type them. */
const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_TTL_MS = 15 * 60_000;

/** A bearer token: shown once, stored only as its SHA-256. */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The team's HMAC key for lead ids (handed to members; the server never hashes leads). */
export function newTeamKey(): string {
  return randomBytes(32).toString('base64url');
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)] ?? 'A';
  return code;
}

/** People type codes with spaces, dashes and lower case: compare on the canonical form. */
export function normalizePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
