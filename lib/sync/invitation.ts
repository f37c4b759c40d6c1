import { isTeamKey } from './team-key';

/**
 * An invitation carries the team key after a `#`: in a link the browser never sends the
 * fragment to the server, and the extension strips it before it sends the code. Two forms:
 * `CODE#KEY` (typed next to the server address) and a link `https://server/#pair=CODE&key=KEY`.
 */
export interface Invitation {
  /** The server address when the invitation was a link. */
  serverUrl: string | null;
  /** The pairing code or token: the only part the server sees. */
  secret: string;
  /** The team key, or null when the secret came without one. */
  teamKey: string | null;
}

export type InvitationResult = { ok: true; invitation: Invitation } | { ok: false; error: 'invalid_team_key' };

export function formatInvitation(code: string, teamKey: string): string {
  return `${code.trim()}#${teamKey}`;
}

export function formatInvitationLink(serverUrl: string, code: string, teamKey: string): string {
  const params = new URLSearchParams({ pair: code.trim(), key: teamKey });
  return `${serverUrl.replace(/\/+$/, '')}/#${params.toString()}`;
}

function fromLink(text: string): InvitationResult | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  const code = params.get('pair');
  if (!code) return null;
  const key = params.get('key');
  if (key === null || !isTeamKey(key)) return { ok: false, error: 'invalid_team_key' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, invitation: { serverUrl: `${url.origin}${path}`, secret: code.trim(), teamKey: key } };
}

/** Splits what a rep pasted into the code and the key; a fragment that is not a team key is an error, never sent on. */
export function parseInvitation(text: string): InvitationResult {
  const trimmed = text.trim();
  const link = fromLink(trimmed);
  if (link) return link;
  const hash = trimmed.indexOf('#');
  if (hash < 0) return { ok: true, invitation: { serverUrl: null, secret: trimmed, teamKey: null } };
  const key = trimmed.slice(hash + 1).trim();
  if (!isTeamKey(key)) return { ok: false, error: 'invalid_team_key' };
  return { ok: true, invitation: { serverUrl: null, secret: trimmed.slice(0, hash).trim(), teamKey: key } };
}
