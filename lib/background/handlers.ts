import Dexie from 'dexie';
import { routeById } from './route-by-id';
import { matchesPattern } from '../adapters/match-pattern';
import type { LeadView } from '../domain/lead';
import type { LeadSnapshot } from '../domain/model';
import type { LeadpaceDb } from '../db/schema';
import { readCrmStatus } from '../domain/status-rules';
import { noteUnknownStatus } from '@/lib/storage/status-rules-item';
import { crmFollowFromStorage } from './crm-follow';
import {
  type CrmFollow,
  LeadNotFoundError,
  NothingToUndoError,
  changeStatus,
  logAttempt,
  readLeadView,
  recordLeadSeen,
  recordListedLeads,
  saveNote,
  undoAttempt,
} from '../db/writes';
import { importSales, type SalesImportOutcome } from '../db/import-writes';
import { messageSchemas, type ErrorCode, type Result } from '../messaging';
import { describeIssues } from '../validation';

/** Who sent a message, as the browser (not the message) says. */
export interface SenderInfo {
  url?: string;
  tabId?: number;
}

export interface HandlerDeps {
  db: () => LeadpaceDb;
  repId: () => Promise<string>;
  now: () => number | Promise<number>;
  /** The extension's own origin, e.g. `chrome-extension://abc/`. */
  extensionOrigin: string;
  log: (message: string) => void;
  /** The dealer's own adapters ("Add my CRM"): their sites may speak for their leads too. */
  userAdapters?: () => Promise<readonly CrmOrigins[]>;
  /** Told of every lead page read, for Options → CRMs health; must not throw or block. */
  noteLeadPage?: (snapshot: LeadSnapshot, at: number) => void;
  /** The CRM's status rules and go-live; default: from storage (see crmFollowFromStorage). */
  crmFollow?: (crm: string, now: number) => Promise<CrmFollow>;
  /** Told of CRM status texts no rule knows, for Options; must not throw or block. */
  noteUnknownStatuses?: (crm: string, texts: readonly string[], at: number) => void;
}

const followOf = (deps: HandlerDeps, crm: string, now: number): Promise<CrmFollow> =>
  deps.crmFollow ? deps.crmFollow(crm, now) : crmFollowFromStorage(deps.db(), crm, now);

/** The status texts among `snapshots` that no rule maps or ignores, once each. */
function unknownStatusTexts(snapshots: readonly LeadSnapshot[], follow: CrmFollow): string[] {
  const texts = new Set<string>();
  for (const { statusRaw } of snapshots) {
    if (statusRaw !== undefined && readCrmStatus(statusRaw, follow.statusRules).kind === 'unknown') texts.add(statusRaw);
  }
  return [...texts];
}

function reportUnknown(deps: HandlerDeps, crm: string, snapshots: readonly LeadSnapshot[], follow: CrmFollow, at: number): void {
  const texts = unknownStatusTexts(snapshots, follow);
  if (texts.length === 0) return;
  if (deps.noteUnknownStatuses) {
    deps.noteUnknownStatuses(crm, texts, at);
    return;
  }
  for (const text of texts) void noteUnknownStatus(crm, text, at).catch((e: unknown) => deps.log(`unknown status note failed: ${String(e)}`));
}

/** Just what the sender check needs of an adapter. */
export interface CrmOrigins {
  id: string;
  matches: readonly string[];
}

type Schemas = typeof messageSchemas;
type WriteType = 'lead/seen' | 'lead/get' | 'attempt/log' | 'attempt/undo' | 'status/change' | 'note/save';

const fail = (code: ErrorCode, reason: string): Result<never> => ({ ok: false, code, reason });


/**
 * A CRM page may only speak for leads of the CRM it is on; extension pages may speak for any.
 * The page's URL comes from the browser's sender info, never from the message body.
 */
export function senderMayActFor(
  sender: SenderInfo,
  crm: string,
  extensionOrigin: string,
  userAdapters: readonly CrmOrigins[] = [],
): boolean {
  if (!sender.url) return false;
  if (sender.url.startsWith(extensionOrigin)) return true;
  const adapter = routeById(crm) ?? userAdapters.find((user) => user.id === crm);
  if (!adapter) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  return adapter.matches.some((pattern) => matchesPattern(pattern, url));
}

function classify(error: unknown): Result<never> {
  if (error instanceof LeadNotFoundError) return fail('not-found', error.message);
  if (error instanceof NothingToUndoError) return fail('invalid', error.message);
  if (error instanceof Dexie.DexieError) return fail('db', `${error.name}: ${error.message}`);
  if (error instanceof DOMException) return fail('db', `${error.name}: ${error.message}`);
  return fail('unknown', error instanceof Error ? error.message : String(error));
}

/** Validates, authorises and runs one write/read message. Never throws. */
export async function handleMessage(
  type: WriteType,
  raw: unknown,
  sender: SenderInfo,
  deps: HandlerDeps,
): Promise<Result<LeadView>> {
  const parsed = (messageSchemas[type] as Schemas[WriteType]).safeParse(raw);
  if (!parsed.success) {
    const reason = describeIssues(parsed.error, { whole: '(message)' });
    deps.log(`rejected ${type}: ${reason}`);
    return fail('invalid', reason);
  }
  const data = parsed.data;
  const crm = 'crm' in data ? data.crm : data.leadKey.slice(0, data.leadKey.indexOf(':'));
  const userAdapters = crm.startsWith('user-') && deps.userAdapters ? await deps.userAdapters().catch(() => []) : [];
  if (!senderMayActFor(sender, crm, deps.extensionOrigin, userAdapters)) {
    deps.log(`rejected ${type}: sender ${sender.url ?? '(unknown)'} may not act for CRM ${crm}`);
    return fail('forbidden', `this page is not a ${crm} page`);
  }
  try {
    const db = deps.db();
    const actor = { repId: await deps.repId(), now: await deps.now() };
    switch (type) {
      case 'lead/seen': {
        const snapshot = messageSchemas['lead/seen'].parse(data);
        const follow = await followOf(deps, snapshot.crm, actor.now);
        const view = await recordLeadSeen(db, snapshot, actor, follow);
        deps.noteLeadPage?.(snapshot, actor.now);
        reportUnknown(deps, snapshot.crm, [snapshot], follow, actor.now);
        return { ok: true, value: view };
      }
      case 'lead/get': {
        const { leadKey } = messageSchemas['lead/get'].parse(data);
        return { ok: true, value: await readLeadView(db, leadKey) };
      }
      case 'attempt/log': {
        const { leadKey, channel, outcome, script } = messageSchemas['attempt/log'].parse(data);
        const attempt = { channel, outcome, scriptId: script?.id, scriptVersion: script?.version };
        return { ok: true, value: await logAttempt(db, leadKey, attempt, actor) };
      }
      case 'attempt/undo': {
        const { leadKey, attemptId } = messageSchemas['attempt/undo'].parse(data);
        return { ok: true, value: await undoAttempt(db, leadKey, attemptId, actor) };
      }
      case 'status/change': {
        const { leadKey, status, lostReason } = messageSchemas['status/change'].parse(data);
        return { ok: true, value: await changeStatus(db, leadKey, { status, lostReason }, actor) };
      }
      case 'note/save': {
        const { leadKey, text } = messageSchemas['note/save'].parse(data);
        return { ok: true, value: await saveNote(db, leadKey, text, actor.now) };
      }
    }
  } catch (error) {
    const result = classify(error);
    deps.log(`${type} failed: ${result.ok ? '' : result.reason}`);
    return result;
  }
}

// --- new-lead discovery from CRM inbox/list pages ---

/**
 * `leads/listed`: a CRM list page reports the leads it shows. The same sender check as every
 * write, for the whole batch: the page must be a page of `crm`, every lead must be a lead of
 * `crm`, and every lead's page (which the popup later opens) must be on that CRM's sites — one
 * lead that is not refuses the batch, since only a page lying about what it shows sends one.
 * Registers the leads not known yet and answers how many. Never throws.
 */
export async function handleListed(raw: unknown, sender: SenderInfo, deps: HandlerDeps): Promise<Result<{ created: number }>> {
  const parsed = messageSchemas['leads/listed'].safeParse(raw);
  if (!parsed.success) {
    const reason = describeIssues(parsed.error, { whole: '(message)' });
    deps.log(`rejected leads/listed: ${reason}`);
    return fail('invalid', reason);
  }
  const { crm, leads } = parsed.data;
  const adapter = routeById(crm);
  const onCrm = (href: string) => {
    try {
      const url = new URL(href);
      return adapter?.matches.some((pattern) => matchesPattern(pattern, url)) === true;
    } catch {
      return false;
    }
  };
  const stranger = leads.find((lead) => lead.crm !== crm || !onCrm(lead.url));
  if (!adapter || !senderMayActFor(sender, crm, deps.extensionOrigin) || stranger) {
    const why = stranger ? `lead ${stranger.crm}:${stranger.leadId} is not a ${crm} lead page` : `sender ${sender.url ?? '(unknown)'} may not act for CRM ${crm}`;
    deps.log(`rejected leads/listed: ${why}`);
    return fail('forbidden', `this page may not list leads for ${crm}`);
  }
  try {
    const actor = { repId: await deps.repId(), now: await deps.now() };
    const follow = await followOf(deps, crm, actor.now);
    const outcome = await recordListedLeads(deps.db(), leads, actor, undefined, follow);
    reportUnknown(deps, crm, leads, follow, actor.now);
    return { ok: true, value: { created: outcome.created.length } };
  } catch (error) {
    const result = classify(error);
    deps.log(`leads/listed failed: ${result.ok ? '' : result.reason}`);
    return result;
  }
}

/**
 * `sales/import`: the report's sold-deals import. Only Leadpace's own pages may send it (a CRM
 * page never marks leads sold in bulk). Never throws.
 */
export async function handleSalesImport(raw: unknown, sender: SenderInfo, deps: HandlerDeps): Promise<Result<SalesImportOutcome>> {
  const parsed = messageSchemas['sales/import'].safeParse(raw);
  if (!parsed.success) {
    const reason = describeIssues(parsed.error, { whole: '(message)' });
    deps.log(`rejected sales/import: ${reason}`);
    return fail('invalid', reason);
  }
  if (!sender.url?.startsWith(deps.extensionOrigin)) {
    deps.log(`rejected sales/import: sender ${sender.url ?? '(unknown)'} is not a Leadpace page`);
    return fail('forbidden', 'sold deals are imported from the report page only');
  }
  try {
    return { ok: true, value: await importSales(deps.db(), parsed.data.sales, { repId: await deps.repId() }) };
  } catch (error) {
    const result = classify(error);
    deps.log(`sales/import failed: ${result.ok ? '' : result.reason}`);
    return result;
  }
}
