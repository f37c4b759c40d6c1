import type { ColleagueEarlyLead } from './sync/colleague-early';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod/mini';
import type { SalesImportOutcome } from './db/import-writes';
import type { LeadView } from './domain/lead';
import {
  channelSchema,
  crmIdSchema,
  leadSnapshotSchema,
  lostReasonSchema,
  outcomeSchema,
  statusSchema,
  type LeadSnapshot,
} from './domain/model';
import type { LeaderboardRefresh, SyncOutcome } from './sync/client';
import type { WipeResult } from './privacy/wipe';
import { wipeRequestSchema } from './privacy/wipe-request';
import type { TeamInfo } from './sync/connection';
import { leaderboardPeriodSchema } from './sync/leaderboard-period';
import { reportQuerySchema } from './sync/report-query';
import type { TeamReportResponse } from './sync/report-wire';

// zod/mini, and only the small mini modules of the wire formats: the panel and list bundles
// import these schemas, and one classic zod import would put ~26 kB gzip of it on every CRM page.

export const leadKeySchema = z.string().check(z.minLength(3), z.maxLength(250), z.regex(/^[a-z0-9-]+:.+$/, 'a lead key is "crm:recordId"'));

/** Classic's `z.number().int().nonnegative()`: the same checks, in that order. */
const wholeNumber = z.number().check(z.int(), z.nonnegative());

/** Classic's `z.string().trim().min(1).max(max)`. */
const trimmedText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Most leads one `leads/listed` message may carry; a longer list goes in several messages. */
export const LISTED_MAX = 200;

/** Most sales one `sales/import` message may carry; a longer file goes in several messages. */
export const SALES_IMPORT_MAX = 2000;

export const messageSchemas = {
  'lead/seen': leadSnapshotSchema,
  'lead/get': z.object({ leadKey: leadKeySchema }),
  'attempt/log': z.object({
    leadKey: leadKeySchema,
    channel: channelSchema,
    outcome: outcomeSchema,
    script: z.optional(z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)), version: wholeNumber })),
  }),
  'attempt/undo': z.object({ leadKey: leadKeySchema, attemptId: z.uuid() }),
  'status/change': z.object({
    leadKey: leadKeySchema,
    status: statusSchema,
    lostReason: z.optional(lostReasonSchema),
  }),
  'lead/open': z.object({ leadKey: leadKeySchema }),
  'note/save': z.object({ leadKey: leadKeySchema, text: z.string().check(z.maxLength(5000)) }),
  // A CRM inbox/list page reports the leads it shows (new-lead discovery); the background checks
  // that the sender is a page of `crm` and that every lead is of that CRM.
  'leads/listed': z.object({ crm: crmIdSchema, leads: z.array(leadSnapshotSchema).check(z.minLength(1), z.maxLength(LISTED_MAX)) }),
  // Team sync: only extension pages send these; the background checks the sender.
  'team/connect': z.object({ serverUrl: trimmedText(500), secret: trimmedText(500) }),
  'team/test': z.object({}),
  'team/disconnect': z.object({}),
  'team/sync-now': z.object({}),
  'team/leaderboard': z.object({ period: leaderboardPeriodSchema }),
  // A manager's page: a pairing code from the admin, turned into an invitation carrying the key.
  'team/invitation': z.object({ code: trimmedText(32) }),
  // The manager's board: colleagues' closed-too-early leads of these local dates, opened in the worker.
  'team/colleague-early': reportQuerySchema,
  // The report page's team scope: the server's report for the inclusive local dates.
  'report/team': reportQuerySchema,
  // The report's sold-deals import (extension pages only): leads to mark sold, with the deal's time.
  'sales/import': z.object({
    sales: z.array(z.object({ leadKey: leadKeySchema, soldAt: wholeNumber })).check(z.minLength(1), z.maxLength(SALES_IMPORT_MAX)),
  }),
  // Options → Privacy: delete everything Leadpace keeps in this browser (extension pages only).
  'privacy/wipe': wipeRequestSchema,
} as const;

/** Background → content scripts: these CRMs were turned off. */
export const crmDisabledSchema = z.object({ crms: z.array(crmIdSchema).check(z.maxLength(200)) });

export type ErrorCode = 'invalid' | 'forbidden' | 'db' | 'not-found' | 'unknown';
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; reason: string };

/** A failed team call keeps the server's error code, so pages can explain it in the rep's language. */
export type TeamResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; reason: string; apiCode?: string };

type Data<K extends keyof typeof messageSchemas> = z.infer<(typeof messageSchemas)[K]>;

export interface ProtocolMap {
  'lead/seen'(data: LeadSnapshot): Result<LeadView>;
  'lead/get'(data: Data<'lead/get'>): Result<LeadView>;
  'attempt/log'(data: Data<'attempt/log'>): Result<LeadView>;
  'attempt/undo'(data: Data<'attempt/undo'>): Result<LeadView>;
  'status/change'(data: Data<'status/change'>): Result<LeadView>;
  'lead/open'(data: Data<'lead/open'>): Result<{ tabId: number }>;
  'note/save'(data: Data<'note/save'>): Result<LeadView>;
  /** Content script on a CRM list page → background: register these leads if they are new. */
  'leads/listed'(data: Data<'leads/listed'>): Result<{ created: number }>;
  /** Background → content script: the toolbar shortcut toggles the panel. */
  'panel/toggle'(): void;
  /** Background → content scripts: these CRMs lost their permission or adapter; panels go. */
  'crm/disabled'(data: z.infer<typeof crmDisabledSchema>): void;
  /** Picker (on the CRM page) → background: store the dealer's own adapter for this page's site. */
  'user-adapter/save'(data: unknown): Result<{ id: string }>;
  'team/connect'(data: Data<'team/connect'>): TeamResult<TeamInfo>;
  'team/test'(data: Data<'team/test'>): TeamResult<TeamInfo>;
  'team/disconnect'(data: Data<'team/disconnect'>): TeamResult<null>;
  'team/sync-now'(data: Data<'team/sync-now'>): TeamResult<SyncOutcome>;
  'team/leaderboard'(data: Data<'team/leaderboard'>): TeamResult<LeaderboardRefresh>;
  /** Options → background (managers only): the invitation a rep pastes, with the team key after `#`. */
  'team/invitation'(data: Data<'team/invitation'>): TeamResult<{ code: string; link: string }>;
  /** Team board → background (managers only): colleagues' closed-too-early leads with their CRM records. */
  'team/colleague-early'(data: Data<'team/colleague-early'>): TeamResult<ColleagueEarlyLead[]>;
  /** Report page → background: the team's source report from the server. */
  'report/team'(data: Data<'report/team'>): TeamResult<TeamReportResponse>;
  /** Report page → background: mark these leads sold (actor `import`); already sold ones stay. */
  'sales/import'(data: Data<'sales/import'>): Result<SalesImportOutcome>;
  'privacy/wipe'(data: Data<'privacy/wipe'>): WipeResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
