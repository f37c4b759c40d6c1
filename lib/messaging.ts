import type { ColleagueEarlyLead } from './sync/colleague-early';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
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
import { wipeRequestSchema, type WipeResult } from './privacy/wipe';
import type { TeamInfo } from './sync/connection';
import { leaderboardPeriodSchema } from './sync/wire';
import { reportQuerySchema, type TeamReportResponse } from './sync/report-wire';

export const leadKeySchema = z.string().min(3).max(250).regex(/^[a-z0-9-]+:.+$/, 'a lead key is "crm:recordId"');

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
    script: z.object({ id: z.string().min(1).max(100), version: z.number().int().nonnegative() }).optional(),
  }),
  'attempt/undo': z.object({ leadKey: leadKeySchema, attemptId: z.uuid() }),
  'status/change': z.object({
    leadKey: leadKeySchema,
    status: statusSchema,
    lostReason: z.optional(lostReasonSchema),
  }),
  'lead/open': z.object({ leadKey: leadKeySchema }),
  'note/save': z.object({ leadKey: leadKeySchema, text: z.string().max(5000) }),
  // A CRM inbox/list page reports the leads it shows (new-lead discovery); the background checks
  // that the sender is a page of `crm` and that every lead is of that CRM.
  'leads/listed': z.object({ crm: crmIdSchema, leads: z.array(leadSnapshotSchema).min(1).max(LISTED_MAX) }),
  // Team sync: only extension pages send these; the background checks the sender.
  'team/connect': z.object({ serverUrl: z.string().trim().min(1).max(500), secret: z.string().trim().min(1).max(500) }),
  'team/test': z.object({}),
  'team/disconnect': z.object({}),
  'team/sync-now': z.object({}),
  'team/leaderboard': z.object({ period: leaderboardPeriodSchema }),
  // A manager's page: a pairing code from the admin, turned into an invitation carrying the key.
  'team/invitation': z.object({ code: z.string().trim().min(1).max(32) }),
  // The manager's board: colleagues' closed-too-early leads of these local dates, opened in the worker.
  'team/colleague-early': reportQuerySchema,
  // The report page's team scope: the server's report for the inclusive local dates.
  'report/team': reportQuerySchema,
  // The report's sold-deals import (extension pages only): leads to mark sold, with the deal's time.
  'sales/import': z.object({
    sales: z.array(z.object({ leadKey: leadKeySchema, soldAt: z.number().int().nonnegative() })).min(1).max(SALES_IMPORT_MAX),
  }),
  // Options → Privacy: delete everything Leadpace keeps in this browser (extension pages only).
  'privacy/wipe': wipeRequestSchema,
} as const;

/** Background → content scripts: these CRMs were turned off. */
export const crmDisabledSchema = z.object({ crms: z.array(crmIdSchema).max(200) });

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
