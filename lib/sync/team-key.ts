/**
 * The team key lives only in the team's browsers: the manager's extension creates it and hands
 * it to reps inside the invitation. The server sees a fingerprint (to refuse a wrong key) and
 * opaque lead references (to let a manager open a lead in the CRM), never the key itself.
 *
 * Every value is derived with HKDF from the key's UTF-8 bytes, each under its own label, so
 * the fingerprint says nothing about the lead hashes and the reference key.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** 32 random bytes as base64url: the same shape the server used to hand out, so old keys fit. */
export const TEAM_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;
/** A local lead key longer than this gets no reference (the wire bounds the field). */
export const MAX_REF_LEAD_KEY_CHARS = 200;

const FINGERPRINT_INFO = encoder.encode('leadpace team-key fingerprint v1');
const REF_INFO = encoder.encode('leadpace lead-ref v1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class LeadRefError extends Error {
  constructor(
    readonly code: 'malformed' | 'wrong_key',
    message: string,
  ) {
    super(message);
    this.name = 'LeadRefError';
  }
}

export function isTeamKey(value: string): boolean {
  return TEAM_KEY_PATTERN.test(value);
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toHex(buffer: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** A new team key from the browser's CSPRNG. */
export function generateTeamKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function baseKey(teamKey: string): Promise<CryptoKey> {
  if (!isTeamKey(teamKey)) throw new Error('not a team key');
  return crypto.subtle.importKey('raw', encoder.encode(teamKey), 'HKDF', false, ['deriveBits', 'deriveKey']);
}

const hkdf = (info: Uint8Array) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info });

/** SHA-256 of an HKDF-derived value: what the server keeps to tell a wrong key from the right one. */
export async function teamKeyFingerprint(teamKey: string): Promise<string> {
  const bits = await crypto.subtle.deriveBits(hkdf(FINGERPRINT_INFO), await baseKey(teamKey), 256);
  return toHex(await crypto.subtle.digest('SHA-256', bits));
}

// Deriving is the slow part; a derived value, so a stopped worker loses nothing but time.
const refKeys = new Map<string, Promise<CryptoKey>>();

function refKey(teamKey: string): Promise<CryptoKey> {
  let key = refKeys.get(teamKey);
  if (!key) {
    key = baseKey(teamKey).then((base) =>
      crypto.subtle.deriveKey(hkdf(REF_INFO), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    );
    refKeys.set(teamKey, key);
    key.catch(() => refKeys.delete(teamKey));
  }
  return key;
}

/**
 * The lead's `crm:recordId` encrypted with AES-GCM (random IV, the label as associated data)
 * as base64url: IV, ciphertext, tag. Null when the key is too long for the wire's bound.
 */
export async function encryptLeadRef(teamKey: string, leadKey: string): Promise<string | null> {
  if (leadKey.length === 0 || leadKey.length > MAX_REF_LEAD_KEY_CHARS) return null;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: REF_INFO }, await refKey(teamKey), encoder.encode(leadKey));
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv, 0);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return toBase64Url(out);
}

/** The `crm:recordId` back; LeadRefError when the text is not a reference or the key is not the one that made it. */
export async function decryptLeadRef(teamKey: string, ref: string): Promise<string> {
  const bytes = fromBase64Url(ref);
  if (!bytes || bytes.length <= IV_BYTES + TAG_BYTES) throw new LeadRefError('malformed', 'not a lead reference');
  const key = await refKey(teamKey);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: REF_INFO }, key, bytes.slice(IV_BYTES));
  } catch {
    throw new LeadRefError('wrong_key', 'the lead reference was not made with this team key');
  }
  return decoder.decode(plain);
}
