import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { bearer, normaliseServerUrl, PAIR_CLIENT_HEADER, requestJson, TeamApiError, type RequestOptions } from './http';
import { meResponseSchema, pairResponseSchema, type MeResponse } from './wire';

/**
 * The team connection lives in storage.local (extension-only), never in the page: the token
 * acts as the rep and the team key makes the lead hashes. Read through zod, so a corrupted
 * or hand-edited value counts as "not connected" rather than breaking the worker.
 */
export const teamConnectionSchema = z.object({
  serverUrl: z.string().min(1).max(500),
  token: z.string().min(1).max(500),
  me: meResponseSchema,
  connectedAt: z.number(),
  /** When `GET /v1/me` last answered (the connection test). */
  checkedAt: z.number(),
});
export type TeamConnection = z.infer<typeof teamConnectionSchema>;

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

/**
 * Connects with a token (checked with `GET /v1/me`) or a one-time pairing code (exchanged
 * with `POST /v1/pair`). Nothing is stored until the server has said yes.
 */
export async function connect(
  options: RequestOptions,
  input: { serverUrl: string; secret: string },
): Promise<TeamConnection> {
  const serverUrl = normaliseServerUrl(input.serverUrl);
  if (!serverUrl) throw new TeamApiError('invalid_url', 'not a web address', null, false);
  const secret = input.secret.trim();
  if (secret === '') throw new TeamApiError('missing_token', 'Enter a token or a pairing code', null, false);
  const at = options.now();
  if (looksLikeToken(secret)) {
    const me = await firstContact(options, serverUrl, () => fetchMe(options, serverUrl, secret));
    return { serverUrl, token: secret, me, connectedAt: at, checkedAt: at };
  }
  const { body } = await firstContact(options, serverUrl, () =>
    requestJson(
      options,
      `${serverUrl}/v1/pair`,
      { method: 'POST', headers: { 'content-type': 'application/json', [PAIR_CLIENT_HEADER]: '1' }, body: JSON.stringify({ code: secret }) },
      pairResponseSchema,
    ),
  );
  if (!body) throw new TeamApiError('bad_response', 'empty answer from /v1/pair', 304, true);
  return { serverUrl, token: body.token, me: body.me, connectedAt: at, checkedAt: at };
}

export async function saveConnection(connection: TeamConnection): Promise<void> {
  await teamConnectionItem.setValue(teamConnectionSchema.parse(connection));
}

export async function clearConnection(): Promise<void> {
  await teamConnectionItem.setValue(null);
}
