/**
 * The stable codes for what can go wrong between the extension and the team server. The
 * server's own codes, the client's codes ("network", "timeout", "not_leadpace"…) and the
 * "code: message" lines the sync stores all map onto this list; the UI translates the code,
 * never shows the English message.
 */
export const TEAM_ERROR_CODES = [
  'network',
  'timeout',
  'not_leadpace',
  'bad_response',
  'server_unavailable',
  'not_found',
  'invalid_url',
  'missing_token',
  'invalid_token',
  'invalid_pairing_code',
  'invalid_team_key',
  'team_key_mismatch',
  'team_key_missing',
  'rate_limited',
  'not_connected',
  'forbidden_role',
  'too_large',
  'unknown',
] as const;
export type TeamErrorCode = (typeof TEAM_ERROR_CODES)[number];

const ALIASES: Record<string, TeamErrorCode> = {
  internal: 'server_unavailable',
  body_too_large: 'too_large',
  too_many_events: 'too_large',
  team_key_exists: 'team_key_missing',
  no_legacy_key: 'team_key_missing',
};

const isTeamErrorCode = (code: string): code is TeamErrorCode => (TEAM_ERROR_CODES as readonly string[]).includes(code);

/** Any code the client or the server produced, as one of ours. */
export function teamErrorCode(raw: string | null | undefined): TeamErrorCode {
  if (!raw) return 'unknown';
  if (isTeamErrorCode(raw)) return raw;
  const alias = ALIASES[raw];
  if (alias) return alias;
  if (/^http_5\d\d$/.test(raw)) return 'server_unavailable';
  return 'unknown';
}

/** The sync stores failures as "code: message"; the code is what the UI reads. */
export function teamErrorCodeOfLine(line: string): TeamErrorCode {
  const match = /^([a-z0-9_]+):/.exec(line.trim());
  return teamErrorCode(match?.[1]);
}
