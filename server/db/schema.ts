// Kysely's view of the tables; the migrations in ./migrations.ts create exactly these.
// Times are epoch milliseconds in BIGINT columns (pg's int8 is parsed to number in connect.ts).

export interface GroupsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface TeamsTable {
  id: string;
  group_id: string | null;
  name: string;
  visibility: string;
  /** JSON of the dealer's opening hours (lib/domain/business-time format, incl. time zone). */
  opening_hours: string;
  /**
   * Migration 006: SHA-256 of a value derived from the team key, which only the team's browsers
   * hold; null until the first manager has created the key.
   */
  key_fingerprint: string | null;
  /** A key from before the browsers held it, kept until the manager's browser takes it over. */
  legacy_team_key: string | null;
  /** Server-only secret that orders pseudonyms, so nothing a member knows can map them back. */
  pseudonym_salt: string;
  /** Per-team commit sequence: bumped inside every ingest transaction (pull cursor). */
  seq: number;
  /** Bumped on membership or setting changes, so leaderboard ETags change with names. */
  revision: number;
  created_at: number;
}

export interface MembersTable {
  id: string;
  team_id: string;
  name: string;
  role: string;
  created_at: number;
  removed_at: number | null;
}

export interface TokensTable {
  /** SHA-256 (hex) of the bearer token: the token itself is never stored. */
  hash: string;
  member_id: string;
  created_at: number;
}

export interface PairingCodesTable {
  code_hash: string;
  member_id: string;
  expires_at: number;
  used_at: number | null;
}

export interface EventsTable {
  id: string;
  team_id: string;
  member_id: string;
  seq: number;
  lead: string;
  type: string;
  at: number;
  /** The validated wire event as JSON (strict schema: nothing beyond the pseudonymous fields). */
  body: string;
  stored_at: number;
}

/** One rep's lead: the facts the metrics kernel reads (no stored verdicts; see lead-facts.ts). */
export interface LeadFactsTable {
  team_id: string;
  member_id: string;
  lead: string;
  received_at: number | null;
  first_attempt_at: number | null;
  attempts: number;
  contacts: number;
  status: string;
  lost_reason: string | null;
  furthest: string;
  attempts_before_close: number;
  contacts_before_close: number;
  phone_attempts_before_close: number;
  backlog: number;
  source: string | null;
  /** Migration 005: when last sold / closed (null while open) and who made the current status. */
  sold_at: number | null;
  closed_at: number | null;
  status_actor: string | null;
  /** Migration 007: JSON of the resumable fold and event counts (server/domain/lead-fold-state.ts). */
  fold_state: string | null;
  updated_at: number;
}

/**
 * Migration 009: one rep's leads received on one day of the team's zone, tallied with the
 * settings named in daily_rollup_settings (server/domain/daily-rollup.ts).
 */
export interface DailyRollupsTable {
  team_id: string;
  member_id: string;
  /** Epoch ms of the day's start in the team's zone. */
  day_start: number;
  leads: number;
  within_sla: number;
  attempts: number;
  contacted: number;
  appointments: number;
  too_early: number;
  sold: number;
  excluded: number;
  backlog: number;
  worked: number;
  /** JSON array of the day's response times (business ms), ascending. */
  responses: string;
}

/** Migration 009: the metric settings a team's roll-ups were computed with. */
export interface DailyRollupSettingsTable {
  team_id: string;
  settings_key: string;
  built_at: number;
}

export interface Database {
  groups: GroupsTable;
  teams: TeamsTable;
  members: MembersTable;
  tokens: TokensTable;
  pairing_codes: PairingCodesTable;
  events: EventsTable;
  lead_facts: LeadFactsTable;
  daily_rollups: DailyRollupsTable;
  daily_rollup_settings: DailyRollupSettingsTable;
}

export type Engine = 'sqlite' | 'postgres';
