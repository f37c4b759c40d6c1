import { describe, expect, it } from 'vitest';
import { formatInvitation, formatInvitationLink, parseInvitation } from '@/lib/sync/invitation';
import {
  decryptLeadRef,
  encryptLeadRef,
  fromBase64Url,
  generateTeamKey,
  LeadRefError,
  MAX_REF_LEAD_KEY_CHARS,
  teamKeyFingerprint,
  toBase64Url,
} from '@/lib/sync/team-key';
import { wireLeadRefSchema } from '@/lib/sync/wire';

const KEY_A = 'A'.repeat(43);
const KEY_B = 'B'.repeat(43);

describe('team key', () => {
  it('is 256 random bits as base64url, different every time', () => {
    const a = generateTeamKey();
    const b = generateTeamKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fromBase64Url(a)).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it.each([
    [new Uint8Array([])],
    [new Uint8Array([0])],
    [new Uint8Array([251, 255, 254, 0, 1])],
    [crypto.getRandomValues(new Uint8Array(61))],
  ])('base64url round-trips %#', (bytes) => {
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it.each(['a+b', 'a/b', 'abcde', 'ab=='])('refuses %s as base64url', (text) => {
    expect(fromBase64Url(text)).toBeNull();
  });

  it('has a fingerprint that is stable per key, differs between keys and is not the key', async () => {
    const a = await teamKeyFingerprint(KEY_A);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await teamKeyFingerprint(KEY_A)).toBe(a);
    expect(await teamKeyFingerprint(KEY_B)).not.toBe(a);
    expect(a).not.toContain(KEY_A);
  });

  it('refuses to fingerprint something that is not a team key', async () => {
    await expect(teamKeyFingerprint('short')).rejects.toThrow('not a team key');
  });
});

describe('encrypted lead reference', () => {
  it.each(['fake-crm:12345', 'dealersuite:LEAD-00042', 'x:é漢字', `c:${'9'.repeat(MAX_REF_LEAD_KEY_CHARS - 2)}`])(
    'round-trips %s and passes the wire schema without showing the id',
    async (leadKey) => {
      const ref = await encryptLeadRef(KEY_A, leadKey);
      expect(ref).not.toBeNull();
      if (ref === null) return;
      expect(wireLeadRefSchema.safeParse(ref).success).toBe(true);
      expect(ref).not.toContain(leadKey.split(':')[1] ?? leadKey);
      expect(await decryptLeadRef(KEY_A, ref)).toBe(leadKey);
    },
  );

  it('uses a fresh IV: the same lead gives a different reference each time', async () => {
    const one = await encryptLeadRef(KEY_A, 'fake-crm:1');
    const two = await encryptLeadRef(KEY_A, 'fake-crm:1');
    expect(one).not.toBe(two);
  });

  it('gives no reference for an empty or over-long lead key', async () => {
    expect(await encryptLeadRef(KEY_A, '')).toBeNull();
    expect(await encryptLeadRef(KEY_A, `c:${'1'.repeat(MAX_REF_LEAD_KEY_CHARS)}`)).toBeNull();
  });

  it('says "wrong key" when another team key made the reference', async () => {
    const ref = await encryptLeadRef(KEY_A, 'fake-crm:777');
    if (ref === null) throw new Error('no ref');
    const error = await decryptLeadRef(KEY_B, ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeadRefError);
    expect(error).toMatchObject({ code: 'wrong_key' });
  });

  it('says "wrong key" when one character of the reference was changed', async () => {
    const ref = await encryptLeadRef(KEY_A, 'fake-crm:777');
    if (ref === null) throw new Error('no ref');
    const flipped = ref.slice(0, 20) + (ref[20] === 'A' ? 'B' : 'A') + ref.slice(21);
    await expect(decryptLeadRef(KEY_A, flipped)).rejects.toMatchObject({ code: 'wrong_key' });
  });

  it.each(['', 'not base64!', 'AAAA'])('calls %j malformed', async (ref) => {
    await expect(decryptLeadRef(KEY_A, ref)).rejects.toMatchObject({ code: 'malformed' });
  });

  it.each(['Jan Jansen 0612345678', 'a'.repeat(401), 'abc', 'jan@example.nl'])('the wire refuses %j as a reference', (ref) => {
    expect(wireLeadRefSchema.safeParse(ref).success).toBe(false);
  });
});

describe('invitation', () => {
  it.each([
    ['ABCD2345', { serverUrl: null, secret: 'ABCD2345', teamKey: null }],
    [`ABCD2345#${KEY_A}`, { serverUrl: null, secret: 'ABCD2345', teamKey: KEY_A }],
    [`  lp_token_value # ${KEY_B} `, { serverUrl: null, secret: 'lp_token_value', teamKey: KEY_B }],
    [formatInvitation('ABCD-2345', KEY_A), { serverUrl: null, secret: 'ABCD-2345', teamKey: KEY_A }],
    [formatInvitationLink('https://team.example.nl/', 'ABCD2345', KEY_A), { serverUrl: 'https://team.example.nl', secret: 'ABCD2345', teamKey: KEY_A }],
    [formatInvitationLink('http://127.0.0.1:8787/lp', 'ABCD2345', KEY_B), { serverUrl: 'http://127.0.0.1:8787/lp', secret: 'ABCD2345', teamKey: KEY_B }],
  ])('reads %s', (text, invitation) => {
    expect(parseInvitation(text)).toEqual({ ok: true, invitation });
  });

  it.each(['ABCD2345#', 'ABCD2345#short', `ABCD2345#${KEY_A}x`, 'https://team.example.nl/#pair=ABCD2345&key=nope'])(
    'refuses %s rather than sending a broken key on',
    (text) => {
      expect(parseInvitation(text)).toEqual({ ok: false, error: 'invalid_team_key' });
    },
  );

  it('keeps the key out of the part the server sees', () => {
    const parsed = parseInvitation(formatInvitationLink('https://team.example.nl', 'ABCD2345', KEY_A));
    expect(parsed.ok && parsed.invitation.secret).toBe('ABCD2345');
    expect(parsed.ok && parsed.invitation.serverUrl).not.toContain(KEY_A);
  });
});
