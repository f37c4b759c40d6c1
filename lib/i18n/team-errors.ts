import { teamErrorCode, teamErrorCodeOfLine, type TeamErrorCode } from '../sync/error-codes';
import type { MessageKey, Translate } from './index';
import './messages/errors';

const KEYS: Record<TeamErrorCode, MessageKey> = {
  network: 'error.team.network',
  timeout: 'error.team.timeout',
  not_leadpace: 'error.team.not_leadpace',
  bad_response: 'error.team.bad_response',
  server_unavailable: 'error.team.server_unavailable',
  not_found: 'error.team.not_found',
  invalid_url: 'error.team.invalid_url',
  missing_token: 'error.team.missing_token',
  invalid_token: 'error.team.invalid_token',
  invalid_pairing_code: 'error.team.invalid_pairing_code',
  invalid_team_key: 'error.team.invalid_team_key',
  team_key_mismatch: 'error.team.team_key_mismatch',
  team_key_missing: 'error.team.team_key_missing',
  rate_limited: 'error.team.rate_limited',
  not_connected: 'error.team.not_connected',
  forbidden_role: 'error.team.forbidden_role',
  too_large: 'error.team.too_large',
  unknown: 'error.team.unknown',
};

/** A team error in the rep's language, from its code (the server's, the client's or ours). */
export const describeTeamError = (t: Translate, code: string | null | undefined): string => t(KEYS[teamErrorCode(code)]);

/** A stored "code: message" sync line in the rep's language. */
export const describeSyncLine = (t: Translate, line: string): string => t(KEYS[teamErrorCodeOfLine(line)]);
