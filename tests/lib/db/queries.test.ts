import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attemptsSince, leadsFirstAttemptedSince, leadsFirstSeenSince, openLeads } from '@/lib/db/queries';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, readLeadView, recordLeadSeen, undoAttempt } from '@/lib/db/writes';

const T = (iso: string) => Date.parse(iso);
const rep = (now: number) => ({ repId: 'rep-1', now });

let db: LeadpaceDb;

beforeEach(() => {
  db = openLeadpaceDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function seen(id: string, now: number, receivedAt?: string) {
  await recordLeadSeen(
    db,
    { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, name: `Klant ${id}`, source: 'website', receivedAt, missing: [] },
    rep(now),
  );
  return `demo:${id}`;
}

describe('openLeads', () => {
  it('returns open leads oldest received first and leaves out sold and lost ones', async () => {
    const a = await seen('a', T('2025-01-15T10:00:00Z'));
    const b = await seen('b', T('2025-01-15T09:00:00Z'));
    const c = await seen('c', T('2025-01-15T08:00:00Z'));
    const d = await seen('d', T('2025-01-15T07:00:00Z'));
    await changeStatus(db, c, { status: 'sold' }, rep(T('2025-01-15T11:00:00Z')));
    await changeStatus(db, d, { status: 'lost', lostReason: 'duplicate' }, rep(T('2025-01-15T11:00:00Z')));
    expect((await openLeads(db)).map((l) => l.key)).toEqual([b, a]);
  });

  it('never reads closed leads', async () => {
    await seen('a', T('2025-01-15T10:00:00Z'));
    const closed = await seen('b', T('2025-01-15T09:00:00Z'));
    await changeStatus(db, closed, { status: 'sold' }, rep(T('2025-01-15T11:00:00Z')));
    const scan = vi.spyOn(db.leads, 'toArray');
    const filter = vi.spyOn(db.leads, 'filter');
    await openLeads(db);
    expect(scan).not.toHaveBeenCalled();
    expect(filter).not.toHaveBeenCalled();
  });

  it('is empty for an empty database', async () => {
    expect(await openLeads(db)).toEqual([]);
  });
});

describe('leadsFirstSeenSince / leadsFirstAttemptedSince', () => {
  it('includes the boundary and closed leads, and excludes earlier ones', async () => {
    const since = T('2025-01-14T23:00:00Z');
    await seen('old', since - 1);
    const edge = await seen('edge', since);
    const sold = await seen('sold', since + 60_000);
    await changeStatus(db, sold, { status: 'sold' }, rep(since + 120_000));
    expect((await leadsFirstSeenSince(db, since)).map((l) => l.key).sort()).toEqual([edge, sold].sort());
  });

  it('finds leads by first attempt, including ones seen before', async () => {
    const since = T('2025-01-14T23:00:00Z');
    const old = await seen('old', since - 3_600_000);
    await seen('fresh', since + 1);
    await logAttempt(db, old, { channel: 'call', outcome: 'no_answer' }, rep(since + 10));
    await seen('never', since + 20);
    expect((await leadsFirstAttemptedSince(db, since)).map((l) => l.key)).toEqual([old]);
  });
});

describe('attemptsSince', () => {
  const since = T('2025-01-14T23:00:00Z');

  it.each([
    {
      name: 'counts attempts at and after the boundary only',
      steps: [
        { lead: 'a', at: since - 1, op: 'log' as const },
        { lead: 'a', at: since, op: 'log' as const },
        { lead: 'b', at: since + 5, op: 'log' as const },
      ],
      expected: [since, since + 5],
    },
    {
      name: 'an attempt made today and then undone does not count',
      steps: [
        { lead: 'a', at: since + 10, op: 'log' as const },
        { lead: 'a', at: since + 20, op: 'log' as const },
        { lead: 'a', at: since + 30, op: 'undo' as const },
      ],
      expected: [since + 10],
    },
    {
      name: 'undoing yesterday’s attempt today adds nothing to today',
      steps: [
        { lead: 'a', at: since - 100, op: 'log' as const },
        { lead: 'a', at: since + 1, op: 'undo' as const },
      ],
      expected: [],
    },
    {
      name: 'undo then re-log counts the new attempt once',
      steps: [
        { lead: 'a', at: since + 1, op: 'log' as const },
        { lead: 'a', at: since + 2, op: 'undo' as const },
        { lead: 'a', at: since + 3, op: 'log' as const },
      ],
      expected: [since + 3],
    },
  ])('$name', async ({ steps, expected }) => {
    await seen('a', since - 1_000);
    await seen('b', since - 1_000);
    for (const step of steps) {
      const key = `demo:${step.lead}`;
      if (step.op === 'log') {
        await logAttempt(db, key, { channel: 'call', outcome: 'no_answer' }, rep(step.at));
      } else {
        const last = (await readLeadView(db, key)).undoableAttemptId;
        if (!last) throw new Error('nothing to undo in fixture');
        await undoAttempt(db, key, last, rep(step.at));
      }
    }
    const attempts = await attemptsSince(db, since);
    expect(attempts.map((a) => a.at)).toEqual(expected);
    expect(attempts.every((a) => a.type === 'attempt_logged')).toBe(true);
  });

  it('cancels an attempt whose void was stamped before the window by a skewed clock', async () => {
    const key = await seen('a', since - 1_000);
    const view = await logAttempt(db, key, { channel: 'call', outcome: 'no_answer' }, rep(since + 10));
    const attemptId = view.undoableAttemptId;
    if (!attemptId) throw new Error('fixture: no attempt');
    await undoAttempt(db, key, attemptId, rep(since - 5));
    expect(await attemptsSince(db, since)).toEqual([]);
  });
});
