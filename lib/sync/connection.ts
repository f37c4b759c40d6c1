import { isManagerRole } from '@/lib/sync/roles';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { bearer, normaliseServerUrl, PAIR_CLIENT_HEADER, requestJson, TeamApiError, type RequestOptions } from './http';
import { parseInvitation } from './invitation';
import { generateTeamKey, TEAM_KEY_PATTERN, teamKeyFingerprint } from './team-key';
import {
  legacyTeamKeyResponseSchema,
  meResponseSchema,
  pairResponseSchema,
  teamKeyFingerprintSchema,
  type MeResponse,
} from './wire';

/**
 * The team connection lives in storage.local (extension-only), never in the page: the token
 * acts as the rep and the team key makes the lead hashes. Read through zod, so a corrupted
 * or hand-edited value counts as "not connected" rather than breaking the worker.
 */
const storedConnectionSchema = z.object({
  serverUrl: z.string().min(1).max(500),
  token: z.string().min(1).max(500),
  /** The team key: made by the manager's browser, brought here by the invitation, never by the server. */
  teamKey: z.string().regex(TEAM_KEY_PATTERN),
  me: meResponseSchema,
  connectedAt: z.number(),
  /** When `GET /v1/me` last answered (the connection test). */
  checkedAt: z.number(),
});

/** Connections saved before browsers held the key kept the server's copy in `me.teamKey`. */
function liftLegacyKey(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'teamKey' in raw) return raw;
  const me: unknown = 'me' in raw ? raw.me : null;
  if (typeof me !== 'object' || me === null || !('teamKey' in me)) return raw;
  return { ...raw, teamKey: me.teamKey };
}

export const teamConnectionSchema = z.preprocess(liftLegacyKey, storedConnectionSchema);
export type TeamConnection = z.infer<typeof storedConnectionSchema>;

export const teamConnectionItem = storage.defineItem<TeamConnection | null>('local:teamConnection', { fallback: null });

export async function readConnection(): Promise<TeamConnection | null> {
  const parsed = teamConnectionSchema.safeParse(await teamConnectionItem.getValue());
  return parsed.success ? parsed.data : null;
}

export function parseConnection(raw: unknown): TeamConnection | null {
  const parsed = teamConnectionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** What extension pages are told about the connection: never the token or the team key. */
export interface TeamInfo {
  serverUrl: string;
  memberId: string;
  name: string;
  role: MeResponse['role'];
  teamId: string;
  teamName: string;
  visibility: MeResponse['visibility'];
  checkedAt: number;
}

export const teamInfo = (c: TeamConnection): TeamInfo => ({
  serverUrl: c.serverUrl,
  memberId: c.me.memberId,
  name: c.me.name,
  role: c.me.role,
  teamId: c.me.teamId,
  teamName: c.me.teamName,
  visibility: c.me.visibility,
  checkedAt: c.checkedAt,
});

/** Tokens the admin CLI prints start with `lp_`; anything else is taken as a pairing code. */
export const looksLikeToken = (secret: string): boolean => /^lp_[A-Za-z0-9_-]{8,}$/.test(secret.trim());

export async function fetchMe(options: RequestOptions, serverUrl: string, token: string): Promise<MeResponse> {
  const { body } = await requestJson(options, `${serverUrl}/v1/me`, { method: 'GET', headers: bearer(token) }, meResponseSchema);
  if (!body) throw new TeamApiError('bad_response', 'empty answer from /v1/me', 304, true);
  return body;
}

const PROBE_TIMEOUT_MS = 5_000;

/**
 * A web site that is not a Leadpace server sends no CORS headers for the extension, so the
 * browser reports its answer as a network error, exactly like a host that is down. An
 * opaque (`no-cors`) request tells them apart: it resolves whenever anything answers.
 */
async function answersAtAll(options: RequestOptions, serverUrl: string): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    await options.fetch(`${serverUrl}/`, { method: 'GET', mode: 'no-cors', credentials: 'omit', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the first request of a connection; a network error from a live address means "not Leadpace". */
async function firstContact<T>(options: RequestOptions, serverUrl: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TeamApiError && error.code === 'network' && (await answersAtAll(options, serverUrl))) {
      throw new TeamApiError('not_leadpace', 'the address answers, but not as a Leadpace server', null, false);
    }
    throw error;
  }
}

const keyAnswerSchema = z.object({ fingerprint: teamKeyFingerprintSchema });

const mismatch = () => new TeamApiError('team_key_mismatch', "this invitation's key does not match the team", 400, false);

/**
 * The team key for a connection that has just been accepted. The invitation's key is checked
 * against the team's fingerprint. Without one, only a manager goes on: the first creates the
 * team's key; on a team whose old key the server still holds, the manager's browser takes it
 * over (the caller then calls `finishKeyTakeover` once the connection is saved).
 */
async function teamKeyFor(options: RequestOptions, serverUrl: string, token: string, me: MeResponse, invited: string | null): Promise<string> {
  if (invited !== null) {
    const fingerprint = await teamKeyFingerprint(invited);
    if (me.teamKeyFingerprint === fingerprint) return invited;
    if (me.teamKeyFingerprint !== null || !isManagerRole(me.role)) throw mismatch();
    await registerKey(options, serverUrl, token, fingerprint);
    return invited;
  }
  if (!isManagerRole(me.role)) throw new TeamApiError('team_key_missing', 'the invitation carries no team key', null, false);
  if (me.serverHoldsKey) {
    const { body } = await requestJson(options, `${serverUrl}/v1/team-key/legacy`, { method: 'GET', headers: bearer(token) }, legacyTeamKeyResponseSchema);
    if (!body) throw new TeamApiError('bad_response', 'empty answer from /v1/team-key/legacy', 304, true);
    if ((await teamKeyFingerprint(body.teamKey)) !== me.teamKeyFingerprint) throw mismatch();
    return body.teamKey;
  }
  if (me.teamKeyFingerprint !== null) throw new TeamApiError('team_key_missing', 'the team has a key: connect with an invitation that carries it', null, false);
  const created = generateTeamKey();
  await registerKey(options, serverUrl, token, await teamKeyFingerprint(created));
  return created;
}

async function registerKey(options: RequestOptions, serverUrl: string, token: string, fingerprint: string): Promise<void> {
  await requestJson(
    options,
    `${serverUrl}/v1/team-key`,
    { method: 'PUT', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify({ fingerprint }) },
    keyAnswerSchema,
  );
}

/**
 * Tells the server this browser holds the old team key, so it forgets its copy. Call only
 * after the connection with the key is saved: until then the server's copy is the only one.
 */
export async function finishKeyTakeover(options: RequestOptions, connection: TeamConnection): Promise<TeamConnection> {
  if (!connection.me.serverHoldsKey) return connection;
  const fingerprint = await teamKeyFingerprint(connection.teamKey);
  await requestJson(
    options,
    `${connection.serverUrl}/v1/team-key/adopt`,
    { method: 'POST', headers: { ...bearer(connection.token), 'content-type': 'application/json' }, body: JSON.stringify({ fingerprint }) },
    keyAnswerSchema,
  );
  return { ...connection, me: { ...connection.me, serverHoldsKey: false, teamKeyFingerprint: fingerprint } };
}

/**
 * Connects with a token (checked with `GET /v1/me`) or a one-time pairing code (exchanged
 * with `POST /v1/pair`), either followed by `#` and the team key, or with an invitation link.
 * The key never goes to the server; with a code, its fingerprint does, so a wrong key is
 * refused before the code is used up. Nothing is stored until the server has said yes.
 */
export async function connect(
  options: RequestOptions,
  input: { serverUrl: string; secret: string },
): Promise<TeamConnection> {
  const parsed = parseInvitation(input.secret);
  if (!parsed.ok) throw new TeamApiError('invalid_team_key', 'the part after # is not a team key', null, false);
  const invitation = parsed.invitation;
  const serverUrl = normaliseServerUrl(invitation.serverUrl ?? input.serverUrl);
  if (!serverUrl) throw new TeamApiError('invalid_url', 'not a web address', null, false);
  const secret = invitation.secret;
  if (secret === '') throw new TeamApiError('missing_token', 'Enter a token or a pairing code', null, false);
  const at = options.now();
  if (looksLikeToken(secret)) {
    const me = await firstContact(options, serverUrl, () => fetchMe(options, serverUrl, secret));
    const teamKey = await teamKeyFor(options, serverUrl, secret, me, invitation.teamKey);
    return { serverUrl, token: secret, teamKey, me: await refreshedMe(options, serverUrl, secret, me), connectedAt: at, checkedAt: at };
  }
  const keyFingerprint = invitation.teamKey === null ? undefined : await teamKeyFingerprint(invitation.teamKey);
  const { body } = await firstContact(options, serverUrl, () =>
    requestJson(
      options,
      `${serverUrl}/v1/pair`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PAIR_CLIENT_HEADER]: '1' },
        body: JSON.stringify({ code: secret, ...(keyFingerprint ? { keyFingerprint } : {}) }),
      },
      pairResponseSchema,
    ),
  );
  if (!body) throw new TeamApiError('bad_response', 'empty answer from /v1/pair', 304, true);
  const teamKey = await teamKeyFor(options, serverUrl, body.token, body.me, invitation.teamKey);
  return { serverUrl, token: body.token, teamKey, me: await refreshedMe(options, serverUrl, body.token, body.me), connectedAt: at, checkedAt: at };
}

/** After registering a new key the fingerprint on the server changed: read it back. */
async function refreshedMe(options: RequestOptions, serverUrl: string, token: string, me: MeResponse): Promise<MeResponse> {
  return me.teamKeyFingerprint === null ? fetchMe(options, serverUrl, token) : me;
}

export async function saveConnection(connection: TeamConnection): Promise<void> {
  await teamConnectionItem.setValue(teamConnectionSchema.parse(connection));
}

export async function clearConnection(): Promise<void> {
  await teamConnectionItem.setValue(null);
}
