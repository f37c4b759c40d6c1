import { createHash, randomBytes, randomInt, scrypt } from 'node:crypto';

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

// A pairing code has only ~40 bits, so its SHA-256 in a leaked database could be reversed by
// brute force within the code's 15 minutes. scrypt makes each guess cost 4 MB and some
// milliseconds; the salt is fixed because a code is looked up by its hash.
const PAIRING_HASH_SALT = 'leadpace-pairing-code-v1';
const PAIRING_HASH_COST = { N: 2 ** 12, r: 8, p: 1 };

/** What is stored for a pairing code (canonical form), never the code itself. */
export function pairingCodeHash(code: string): Promise<string> {
  return new Promise((resolveHash, reject) => {
    scrypt(normalizePairingCode(code), PAIRING_HASH_SALT, 32, PAIRING_HASH_COST, (error, key) => {
      if (error) reject(error);
      else resolveHash(key.toString('hex'));
    });
  });
}
