import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashLeadKey, hashLeadKeys } from '@/lib/sync/hash';
import { wireLeadSchema } from '@/lib/sync/wire';
import { hashLeadKey as serverHash } from '@/server/testing/lead-hash';

describe('hashLeadKey (HMAC-SHA256, hex)', () => {
  it.each([
    // RFC 4231 test case 2.
    ['Jefe', 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    // Computed independently with `printf %s 'demo:L-1043' | openssl dgst -sha256 -hmac 'team-key'`.
    ['team-key', 'demo:L-1043', createHmac('sha256', 'team-key').update('demo:L-1043').digest('hex')],
    ['k3ünïcødé', 'autoline:ÄÖÜ 42', createHmac('sha256', 'k3ünïcødé').update('autoline:ÄÖÜ 42').digest('hex')],
  ])('key %j, data %j', async (key, data, expected) => {
    const hash = await hashLeadKey(key, data);
    expect(hash).toBe(expected);
    expect(wireLeadSchema.safeParse(hash).success).toBe(true);
  });

  it('matches the server test helper and differs per team key', async () => {
    expect(await hashLeadKey('a', 'demo:1')).toBe(serverHash('a', 'demo:1'));
    expect(await hashLeadKey('a', 'demo:1')).not.toBe(await hashLeadKey('b', 'demo:1'));
  });

  it('hashes many keys at once, deduplicated', async () => {
    const map = await hashLeadKeys('k', ['demo:1', 'demo:2', 'demo:1']);
    expect(map.size).toBe(2);
    expect(map.get('demo:2')).toBe(serverHash('k', 'demo:2'));
  });

  it('refuses an empty team key', async () => {
    await expect(hashLeadKey('', 'demo:1')).rejects.toThrow(/empty/);
  });
});
