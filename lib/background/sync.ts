import { isManagerRole } from '@/lib/sync/roles';
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import type { LeadpaceDb, StoredEvent } from '../db/schema';
import { resetTeamData } from '../db/sync-writes';
import { messageSchemas, type ErrorCode, type TeamResult } from '../messaging';
import { describeIssues } from '../validation';
import { refreshLeaderboard, runSync, type LeaderboardRefresh, type SyncDeps, type SyncOutcome } from '../sync/client';
import { fetchTeamReport } from '../sync/report-api';
import type { TeamReportResponse } from '../sync/report-wire';
import {
  clearConnection,
  connect,
  fetchMe,
  finishKeyTakeover,
  readConnection,
  saveConnection,
  teamInfo,
  type TeamConnection,
  type TeamInfo,
} from '../sync/connection';
import { TeamApiError, type FetchLike } from '../sync/http';
import { colleagueClosedTooEarly, type ColleagueEarlyLead } from '../sync/colleague-early';
import { formatInvitation, formatInvitationLink } from '../sync/invitation';
import { applyFromMe, refreshTeamSettings } from '../sync/team-settings-local';
import { refreshTeamOverrides } from '../sync/adapter-overrides-local';

// The team sync in the worker: an alarm every few minutes, a debounced run after local
// writes, a retry alarm at the persisted backoff time, and the team/* message handlers. The
// worker may stop at any moment: the outbox, backoff and cursor live in Dexie, the
// connection in storage.local; the debounce timer is only a shortcut the alarm backs up.

export const SYNC_ALARM = 'sync';
export const SYNC_RETRY_ALARM = 'sync-retry';
const SYNC_PERIOD_MINUTES = 5;
/** Writes come in bursts (a lead seen, then attempts): one push a few seconds later. */
const AFTER_WRITE_DELAY_MS = 3_000;

export interface TeamBackgroundDeps {
  db: () => LeadpaceDb;
  repId: () => Promise<string>;
  extensionOrigin: string;
  log: (message: string) => void;
  fetch?: FetchLike;
}

type TeamType = 'team/connect' | 'team/test' | 'team/disconnect' | 'team/sync-now' | 'team/leaderboard' | 'report/team' | 'team/invitation' | 'team/colleague-early';

/** The origin each CRM was last seen on in this browser: a dealer's CRM lives on its own host. */
async function crmOrigins(db: LeadpaceDb): Promise<Map<string, string>> {
  const origins = new Map<string, string>();
  await db.leads.orderBy('lastSeenAt').each((lead) => {
    try {
      origins.set(lead.crm, new URL(lead.url).origin);
    } catch {
      // A stored address that is not a URL tells nothing about the CRM's host.
    }
  });
  return origins;
}

const failure = (code: ErrorCode, reason: string, apiCode?: string) => ({ ok: false as const, code, reason, ...(apiCode ? { apiCode } : {}) });

function fromError(error: unknown): { ok: false; code: ErrorCode; reason: string; apiCode?: string } {
  if (error instanceof TeamApiError) return failure(error.status === 401 || error.status === 403 ? 'forbidden' : 'unknown', error.message, error.code);
  return failure('unknown', error instanceof Error ? error.message : String(error));
}

export function createTeamSync(deps: TeamBackgroundDeps) {
  // Resolved per call so a test can replace globalThis.fetch after the worker started.
  const doFetch: FetchLike = deps.fetch ?? ((input, init) => fetch(input, init));
  const syncDeps = (): SyncDeps => ({
    db: deps.db(),
    fetch: doFetch,
    now: Date.now,
    random: Math.random,
    connection: readConnection,
    repId: deps.repId,
  });
  let soon: ReturnType<typeof setTimeout> | undefined;

  async function run(force: boolean): Promise<SyncOutcome> {
    const outcome = await runSync(syncDeps(), { force });
    if (outcome.status === 'retrying' || outcome.status === 'blocked') {
      // Chrome clamps alarms to ≥ 30 s, which only lengthens a short backoff.
      await browser.alarms.create(SYNC_RETRY_ALARM, { when: outcome.nextAttemptAt });
      deps.log(`sync ${outcome.status}: ${outcome.error}`);
    } else if (outcome.status === 'ok') {
      if (outcome.more) runSoon(0);
      // The team's settings and CRM fixes ride along with every successful run (a 304 when unchanged); a
      // failure here leaves the last known settings in force and never blocks the outbox.
      const connection = await readConnection();
      if (connection) {
        await refreshTeamSettings({ fetch: doFetch, now: Date.now }, connection).catch((e: unknown) => deps.log(`team settings refresh failed: ${String(e)}`));
        await refreshTeamOverrides({ fetch: doFetch, now: Date.now }, connection).catch((e: unknown) => deps.log(`CRM fixes refresh failed: ${String(e)}`));
      }
    }
    return outcome;
  }

  function runSoon(delayMs = AFTER_WRITE_DELAY_MS): void {
    if (soon !== undefined) clearTimeout(soon);
    soon = setTimeout(() => {
      soon = undefined;
      run(false).catch((e: unknown) => deps.log(`sync failed: ${String(e)}`));
    }, delayMs);
  }

  async function ensureAlarm(): Promise<void> {
    // create() restarts an alarm's period: only create it when it is missing.
    if (!(await browser.alarms.get(SYNC_ALARM))) {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: 1 });
    }
  }

  const fromExtension = (senderUrl: string | undefined) => senderUrl?.startsWith(deps.extensionOrigin) === true;

  /**
   * Sender check, zod, and errors as results: the options page and popup get a reason they
   * can show, never an exception. The sender comes from the browser, never the message.
   */
  async function guarded<S extends z.ZodMiniType, T>(
    type: TeamType,
    schema: S,
    raw: unknown,
    senderUrl: string | undefined,
    body: (data: z.infer<S>) => Promise<TeamResult<T>>,
  ): Promise<TeamResult<T>> {
    if (!fromExtension(senderUrl)) {
      deps.log(`rejected ${type} from ${senderUrl ?? '(unknown)'}`);
      return failure('forbidden', `${type} comes only from Leadpace pages`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return failure('invalid', describeIssues(parsed.error));
    try {
      return await body(parsed.data);
    } catch (error) {
      const result = fromError(error);
      deps.log(`${type} failed: ${result.reason}`);
      return result;
    }
  }

  const requestOptions = () => ({ fetch: doFetch, now: Date.now });
  // A failed take-over is harmless (the server keeps its copy a little longer): the next
  // connection test tries again.
  const takeOverKey = async (connection: TeamConnection): Promise<void> => {
    try {
      const adopted = await finishKeyTakeover(requestOptions(), connection);
      if (adopted !== connection) await saveConnection(adopted);
    } catch (error) {
      deps.log(`team key take-over not finished: ${String(error)}`);
    }
  };
  const notConnected = () => failure('not-found', 'not connected to a team', 'not_connected');

  return {
    connect: (raw: unknown, senderUrl?: string) =>
      guarded('team/connect', messageSchemas['team/connect'], raw, senderUrl, async (input): Promise<TeamResult<TeamInfo>> => {
        const connection = await connect(requestOptions(), input);
        // A new connection starts a fresh cursor and cache: they belonged to the old member.
        await resetTeamData(deps.db());
        await saveConnection(connection);
        // Only now that this browser has stored it may the server forget an old team key.
        await takeOverKey(connection);
        await applyFromMe(connection).catch((e: unknown) => deps.log(`team settings not applied: ${String(e)}`));
        runSoon(0);
        return { ok: true, value: teamInfo(connection) };
      }),
    test: (raw: unknown, senderUrl?: string) =>
      guarded('team/test', messageSchemas['team/test'], raw, senderUrl, async (): Promise<TeamResult<TeamInfo>> => {
        const connection = await readConnection();
        if (!connection) return notConnected();
        const me = await fetchMe(requestOptions(), connection.serverUrl, connection.token);
        const next = { ...connection, me, checkedAt: Date.now() };
        await saveConnection(next);
        await takeOverKey(next);
        await applyFromMe(next).catch((e: unknown) => deps.log(`team settings not applied: ${String(e)}`));
        return { ok: true, value: teamInfo(next) };
      }),
    disconnect: (raw: unknown, senderUrl?: string) =>
      guarded('team/disconnect', messageSchemas['team/disconnect'], raw, senderUrl, async (): Promise<TeamResult<null>> => {
        await clearConnection();
        await resetTeamData(deps.db());
        await browser.alarms.clear(SYNC_RETRY_ALARM);
        return { ok: true, value: null };
      }),
    syncNow: (raw: unknown, senderUrl?: string) =>
      guarded('team/sync-now', messageSchemas['team/sync-now'], raw, senderUrl, async (): Promise<TeamResult<SyncOutcome>> => ({ ok: true, value: await run(true) })),
    leaderboard: (raw: unknown, senderUrl?: string) =>
      guarded('team/leaderboard', messageSchemas['team/leaderboard'], raw, senderUrl, async ({ period }): Promise<TeamResult<LeaderboardRefresh>> => {
        const connection = await readConnection();
        if (!connection) return notConnected();
        return { ok: true, value: await refreshLeaderboard({ db: deps.db(), fetch: doFetch, now: Date.now }, connection, period) };
      }),
    teamReport: (raw: unknown, senderUrl?: string) =>
      guarded('report/team', messageSchemas['report/team'], raw, senderUrl, async (query): Promise<TeamResult<TeamReportResponse>> => {
        const connection = await readConnection();
        if (!connection) return notConnected();
        return { ok: true, value: await fetchTeamReport(requestOptions(), connection, query) };
      }),
    colleagueEarly: (raw: unknown, senderUrl?: string) =>
      guarded('team/colleague-early', messageSchemas['team/colleague-early'], raw, senderUrl, async (query): Promise<TeamResult<ColleagueEarlyLead[]>> => {
        const connection = await readConnection();
        if (!connection) return notConnected();
        if (!isManagerRole(connection.me.role)) return failure('forbidden', "only a team lead opens colleagues' leads", 'forbidden_role');
        return { ok: true, value: await colleagueClosedTooEarly(requestOptions(), connection, query, await crmOrigins(deps.db())) };
      }),
    invitation: (raw: unknown, senderUrl?: string) =>
      guarded('team/invitation', messageSchemas['team/invitation'], raw, senderUrl, async ({ code }): Promise<TeamResult<{ code: string; link: string }>> => {
        const connection = await readConnection();
        if (!connection) return notConnected();
        // The key goes only to the page of a manager: a rep has no one to invite.
        if (!isManagerRole(connection.me.role)) return failure('forbidden', 'only a team lead makes invitations', 'forbidden_role');
        return {
          ok: true,
          value: { code: formatInvitation(code, connection.teamKey), link: formatInvitationLink(connection.serverUrl, code, connection.teamKey) },
        };
      }),
    /** Registers the alarm listener and the after-write trigger; call before any await. */
    listen(): void {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === SYNC_ALARM || alarm.name === SYNC_RETRY_ALARM) {
          run(false).catch((e: unknown) => deps.log(`sync failed: ${String(e)}`));
        }
      });
      // Only new pending events (the rep's own writes) trigger a push; adopted restored events
      // arrive as `sent` and must not start a loop.
      deps.db().events.hook('creating', function (_key, event: StoredEvent) {
        if (event.sync === 'pending') this.onsuccess = () => runSoon();
      });
    },
    /** On every worker start: make sure the alarm exists and catch up on what is pending. */
    start(): void {
      ensureAlarm().catch((e: unknown) => deps.log(`sync alarm failed: ${String(e)}`));
      runSoon(AFTER_WRITE_DELAY_MS);
    },
  };
}
