/**
 * The pseudonymous lead id that leaves the browser: HMAC-SHA256 of the local lead key
 * (`crm:recordId`) with the team's secret key, as 64 lower-case hex characters. Keyed rather
 * than a plain hash so nobody without the team key can test guesses of CRM record ids.
 */
const encoder = new TextEncoder();

// Importing a key is the slow part of WebCrypto HMAC; a derived value, so losing it when the
// worker stops costs nothing but one import.
const keys = new Map<string, Promise<CryptoKey>>();

function importKey(teamKey: string): Promise<CryptoKey> {
  let key = keys.get(teamKey);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(teamKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(teamKey, key);
    // A rejected import must not be cached forever.
    key.catch(() => keys.delete(teamKey));
  }
  return key;
}

function toHex(buffer: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export async function hashLeadKey(teamKey: string, leadKey: string): Promise<string> {
  if (teamKey.length === 0) throw new Error('team key is empty');
  const signature = await crypto.subtle.sign('HMAC', await importKey(teamKey), encoder.encode(leadKey));
  return toHex(signature);
}

/** Hashes many keys with one key import; the map is keyed by the local lead key. */
export async function hashLeadKeys(teamKey: string, leadKeys: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(leadKeys)];
  const hashes = await Promise.all(unique.map((k) => hashLeadKey(teamKey, k)));
  return new Map(unique.map((k, i) => [k, hashes[i] ?? '']));
}
