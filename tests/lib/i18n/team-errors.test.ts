import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import { describeSyncLine, describeTeamError } from '@/lib/i18n/team-errors';
import { connect } from '@/lib/sync/connection';
import { TEAM_ERROR_CODES, teamErrorCode, teamErrorCodeOfLine } from '@/lib/sync/error-codes';
import { normaliseServerUrl, type FetchLike } from '@/lib/sync/http';

const en = translator('en');
const nl = translator('nl');

describe('every team error code is translated and says what to do', () => {
  it.each(TEAM_ERROR_CODES.map((code) => [code]))('%s', (code) => {
    const english = describeTeamError(en, code);
    const dutch = describeTeamError(nl, code);
    expect(english.length).toBeGreaterThan(20);
    expect(dutch.length).toBeGreaterThan(20);
    expect(dutch).not.toBe(english);
    expect(english).not.toMatch(/\{\w+\}/);
  });

  it('each code has its own message', () => {
    const texts = new Set(TEAM_ERROR_CODES.map((code) => describeTeamError(en, code)));
    expect(texts.size).toBe(TEAM_ERROR_CODES.length);
  });
});

describe('codes from the server, the client and stored sync lines map onto ours', () => {
  it.each([
    ['invalid_token', 'invalid_token'],
    ['internal', 'server_unavailable'],
    ['http_503', 'server_unavailable'],
    ['http_502', 'server_unavailable'],
    ['body_too_large', 'too_large'],
    ['too_many_events', 'too_large'],
    ['client_header_required', 'unknown'],
    ['something_new', 'unknown'],
    [undefined, 'unknown'],
    ['', 'unknown'],
  ] as const)('%s → %s', (raw, code) => {
    expect(teamErrorCode(raw)).toBe(code);
  });

  it.each([
    ['timeout: no answer within 20 s', 'timeout'],
    ['network: network error: Failed to fetch', 'network'],
    ['http_503: the server answered 503', 'server_unavailable'],
    ['not_leadpace: unexpected answer from the server (200)', 'not_leadpace'],
    ['Dexie failed somewhere', 'unknown'],
  ] as const)('"%s" → %s', (line, code) => {
    expect(teamErrorCodeOfLine(line)).toBe(code);
  });

  it('the stored English line never reaches the screen', () => {
    expect(describeSyncLine(nl, 'timeout: no answer within 20 s')).toBe('De server antwoordde niet binnen 20 seconden. Controleer je internetverbinding; Leadpace probeert het zelf opnieuw.');
    expect(describeSyncLine(en, 'timeout: no answer within 20 s')).not.toMatch(/no answer within/);
  });
});

describe('normaliseServerUrl', () => {
  it.each([
    ['team.example.nl', 'https://team.example.nl'],
    ['  team.example.nl/  ', 'https://team.example.nl'],
    ['team.example.nl:8443', 'https://team.example.nl:8443'],
    ['team.example.nl/leadpace/', 'https://team.example.nl/leadpace'],
    ['https://team.example.nl', 'https://team.example.nl'],
    ['HTTPS://Team.Example.NL/', 'https://team.example.nl'],
    ['http://team.example.nl', 'http://team.example.nl'],
    ['https://team.example.nl/?x=1#y', 'https://team.example.nl'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['https://localhost:8787', 'https://localhost:8787'],
    ['localhost:8787', 'http://localhost:8787'],
    ['127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['leadpace.localhost:8787', 'http://leadpace.localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['', null],
    ['   ', null],
    ['ftp://team.example.nl', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@team.example.nl', null],
    ['team example nl', null],
    ['https://', null],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseServerUrl(raw)).toBe(expected);
  });
});

/** A fake network: `cors` answers the extension's own requests, `opaque` the no-cors probe. */
function network(cors: () => Promise<Response>, opaque: () => Promise<Response>): FetchLike {
  return (_url, init) => (init.mode === 'no-cors' ? opaque() : cors());
}
const failed = () => Promise.reject(new TypeError('Failed to fetch'));
const html = (status: number) => () => Promise.resolve(new Response('<!doctype html><h1>Welcome</h1>', { status, headers: { 'content-type': 'text/html' } }));
const options = (fetch: FetchLike) => ({ fetch, now: () => 0 });

describe('"not a Leadpace server" is told apart from "cannot reach"', () => {
  it.each([
    ['nothing answers at all', network(failed, failed), 'network'],
    ['a web site without CORS headers (the browser calls it a network error)', network(failed, html(200)), 'not_leadpace'],
    ['a web site that lets us read its 404 page', network(html(404), html(404)), 'not_leadpace'],
    ['a web site that answers 200 with HTML', network(html(200), html(200)), 'not_leadpace'],
    ['a proxy whose Leadpace server is down', network(html(502), html(502)), 'http_502'],
    [
      'a Leadpace server refusing the token',
      network(() => Promise.resolve(Response.json({ error: 'invalid_token', message: 'Token not accepted.' }, { status: 401 })), html(200)),
      'invalid_token',
    ],
  ])('%s', async (_name, fetch, code) => {
    await expect(connect(options(fetch), { serverUrl: 'team.example.nl', secret: 'lp_abcdefghijkl' })).rejects.toMatchObject({ code });
  });

  it('a pairing code against a web site is "not Leadpace" too', async () => {
    await expect(connect(options(network(failed, html(200))), { serverUrl: 'team.example.nl', secret: 'K7QM-2XRT' })).rejects.toMatchObject({
      code: 'not_leadpace',
    });
  });

  it('a bare host is contacted over https', async () => {
    const urls: string[] = [];
    const fetch: FetchLike = (url) => {
      urls.push(url);
      return failed();
    };
    await expect(connect(options(fetch), { serverUrl: 'team.example.nl', secret: 'lp_abcdefghijkl' })).rejects.toMatchObject({ code: 'network' });
    expect(urls).toEqual(['https://team.example.nl/v1/me', 'https://team.example.nl/']);
  });
});
