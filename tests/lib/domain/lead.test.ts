import { describe, expect, it } from 'vitest';
import { effectiveEvents, EVENT_SCHEMA_VERSION, type LeadEvent } from '@/lib/domain/events';
import { progressFromEvents, toLeadRecord, toLeadView, type LeadDetails, type LeadProgress } from '@/lib/domain/lead';
import type { Channel, LeadStatus, LostReason, Outcome } from '@/lib/domain/model';

const T = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const KEY = 'demo:L-1';
const T0 = T('2025-01-15T09:00:00Z');

/** Deterministic uuid-shaped ids whose lexical order is their numeric order. */
const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

interface Base {
  id: string;
  v: typeof EVENT_SCHEMA_VERSION;
  leadKey: string;
  at: number;
  repId: string;
}
const common = (n: number, at: number): Base => ({ id: id(n), v: EVENT_SCHEMA_VERSION, leadKey: KEY, at, repId: 'rep-1' });

const seen = (n: number, at: number, receivedAt: number | null = null, source = 'website'): LeadEvent => ({
  ...common(n, at),
  type: 'lead_seen',
  crm: 'demo',
  leadId: 'L-1',
  source,
  receivedAt,
});
const attempt = (n: number, at: number, outcome: Outcome, channel: Channel = 'call'): LeadEvent => ({
  ...common(n, at),
  type: 'attempt_logged',
  channel,
  outcome,
});
const voids = (n: number, at: number, target: number): LeadEvent => ({ ...common(n, at), type: 'event_voided', voids: id(target) });
const status = (n: number, at: number, to: LeadStatus, lostReason?: LostReason, closedTooEarly?: boolean): LeadEvent => ({
  ...common(n, at),
  type: 'status_changed',
  status: to,
  ...(lostReason ? { lostReason } : {}),
  ...(closedTooEarly === undefined ? {} : { closedTooEarly }),
});
const recoded = (n: number, at: number, from: string, to: string): LeadEvent => ({
  ...common(n, at),
  type: 'source_changed',
  from,
  to,
});

const ids = (events: readonly LeadEvent[]) => events.map((e) => e.id);

describe('effectiveEvents', () => {
  it.each([
    { name: 'empty', events: [], expected: [] },
    { name: 'sorted by time', events: [attempt(2, T0 + 2 * MIN, 'no_answer'), seen(1, T0)], expected: [id(1), id(2)] },
    {
      name: 'same time: sorted by id',
      events: [attempt(3, T0, 'no_answer'), seen(1, T0), attempt(2, T0, 'voicemail')],
      expected: [id(1), id(2), id(3)],
    },
    {
      name: 'time wins over id',
      events: [seen(9, T0), attempt(1, T0 + MIN, 'no_answer')],
      expected: [id(9), id(1)],
    },
    {
      name: 'voided event and the voiding event both removed',
      events: [seen(1, T0), attempt(2, T0 + MIN, 'no_answer'), voids(3, T0 + 2 * MIN, 2)],
      expected: [id(1)],
    },
    {
      name: 'a void that precedes its target (clock skew) still removes it',
      events: [voids(3, T0, 2), seen(1, T0), attempt(2, T0 + MIN, 'no_answer')],
      expected: [id(1)],
    },
    {
      name: 'a void of an unknown id removes nothing else',
      events: [seen(1, T0), voids(3, T0 + MIN, 77)],
      expected: [id(1)],
    },
  ])('$name', ({ events, expected }) => {
    expect(ids(effectiveEvents(events))).toEqual(expected);
  });

  it('does not reorder or mutate its input', () => {
    const input = [attempt(2, T0 + MIN, 'no_answer'), seen(1, T0)];
    const before = ids(input);
    effectiveEvents(input);
    expect(ids(input)).toEqual(before);
  });
});

interface ProgressCase {
  name: string;
  events: LeadEvent[];
  expected: Partial<LeadProgress> | null;
}

const CRM_TIME = T('2025-01-15T08:30:00Z');

const progressCases: ProgressCase[] = [
  { name: 'no events → null', events: [], expected: null },
  { name: 'only an attempt, no lead_seen → null', events: [attempt(1, T0, 'reached')], expected: null },
  { name: 'a voided lead_seen → null', events: [seen(1, T0), voids(2, T0 + MIN, 1)], expected: null },
  {
    name: 'first seen without CRM time: clock starts at first sight',
    events: [seen(1, T0)],
    expected: {
      source: 'website',
      receivedAt: T0,
      receivedAtKnown: false,
      firstSeenAt: T0,
      status: 'open',
      attempts: [],
      contactCount: 0,
      firstAttemptAt: null,
      lastAttemptAt: null,
      soldAt: null,
      closedAt: null,
      attemptsBeforeClose: 0,
      contactsBeforeClose: 0,
      phoneAttemptsBeforeClose: 0,
      furthest: 'open',
      statusActor: null,
      backlog: false,
    },
  },
  {
    name: 'CRM time on first sight wins over the sighting time',
    events: [seen(1, T0, CRM_TIME)],
    expected: { receivedAt: CRM_TIME, receivedAtKnown: true, firstSeenAt: T0 },
  },
  {
    name: 'a later lead_seen brings the CRM time',
    events: [seen(1, T0), seen(2, T0 + 10 * MIN, CRM_TIME)],
    expected: { receivedAt: CRM_TIME, receivedAtKnown: true, firstSeenAt: T0 },
  },
  {
    name: 'the first CRM time wins over later ones',
    events: [seen(1, T0, CRM_TIME), seen(2, T0 + MIN, CRM_TIME - 5 * MIN)],
    expected: { receivedAt: CRM_TIME, receivedAtKnown: true },
  },
  {
    name: 'source comes from the first sighting',
    events: [seen(1, T0, null, 'marktplaats'), seen(2, T0 + MIN, null, 'autotrack')],
    expected: { source: 'marktplaats' },
  },
  {
    name: 'source_changed re-codes the source',
    events: [seen(1, T0, null, 'other'), recoded(2, T0 + MIN, 'other', 'autoscout24')],
    expected: { source: 'autoscout24' },
  },
  {
    name: 'the last source_changed wins',
    events: [seen(1, T0, null, 'other'), recoded(2, T0 + MIN, 'other', 'website'), recoded(3, T0 + 2 * MIN, 'website', 'phone')],
    expected: { source: 'phone' },
  },
  {
    name: 'a voided source_changed is undone',
    events: [seen(1, T0, null, 'other'), recoded(2, T0 + MIN, 'other', 'website'), voids(3, T0 + 2 * MIN, 2)],
    expected: { source: 'other' },
  },
  {
    name: 'no-contact outcomes keep the lead open but count attempts',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'no_answer'), attempt(3, T0 + 5 * MIN, 'voicemail', 'whatsapp'), attempt(4, T0 + 9 * MIN, 'wrong_number')],
    expected: { status: 'open', contactCount: 0, firstAttemptAt: T0 + MIN, lastAttemptAt: T0 + 9 * MIN },
  },
  {
    name: 'reached → contacted',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'reached')],
    expected: { status: 'contacted', contactCount: 1 },
  },
  {
    name: 'not_interested is a contact → contacted',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'not_interested')],
    expected: { status: 'contacted', contactCount: 1 },
  },
  {
    name: 'appointment outcome → appointment',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'appointment')],
    expected: { status: 'appointment', contactCount: 1 },
  },
  {
    name: 'a later reached never downgrades an appointment',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'appointment'), attempt(3, T0 + 2 * MIN, 'reached')],
    expected: { status: 'appointment', contactCount: 2 },
  },
  {
    name: 'an outcome never downgrades an explicit shown',
    events: [seen(1, T0), status(2, T0 + MIN, 'shown'), attempt(3, T0 + 2 * MIN, 'appointment')],
    expected: { status: 'shown' },
  },
  {
    name: 'an outcome never reopens a sold lead',
    events: [seen(1, T0), status(2, T0 + MIN, 'sold'), attempt(3, T0 + 2 * MIN, 'appointment')],
    expected: { status: 'sold', contactCount: 1 },
  },
  {
    name: 'an outcome never reopens a lost lead (and keeps its reason)',
    events: [seen(1, T0), status(2, T0 + MIN, 'lost', 'duplicate'), attempt(3, T0 + 2 * MIN, 'reached')],
    expected: { status: 'lost', lostReason: 'duplicate' },
  },
  {
    name: 'explicit status_changed may move backwards',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'appointment'), status(3, T0 + 2 * MIN, 'open')],
    expected: { status: 'open' },
  },
  {
    name: 'explicit status_changed may reopen a lost lead, dropping the reason',
    events: [seen(1, T0), status(2, T0 + MIN, 'lost', 'unreachable'), status(3, T0 + 2 * MIN, 'contacted')],
    expected: { status: 'contacted', lostReason: undefined },
  },
  {
    name: 'lost keeps its reason',
    events: [seen(1, T0), status(2, T0 + MIN, 'lost', 'bought_elsewhere')],
    expected: { status: 'lost', lostReason: 'bought_elsewhere' },
  },
  {
    name: 'a reason on a non-lost status is not kept',
    events: [seen(1, T0), status(2, T0 + MIN, 'sold', 'duplicate')],
    expected: { status: 'sold', lostReason: undefined },
  },
  {
    name: 'status changes apply in time order, not array order',
    events: [status(3, T0 + 2 * MIN, 'sold'), seen(1, T0), status(2, T0 + MIN, 'lost', 'other')],
    expected: { status: 'sold', lostReason: undefined },
  },
  {
    name: 'sold records when',
    events: [seen(1, T0), status(2, T0 + 30 * MIN, 'sold')],
    expected: { status: 'sold', soldAt: T0 + 30 * MIN },
  },
  {
    name: 'leaving sold clears soldAt',
    events: [seen(1, T0), status(2, T0 + MIN, 'sold'), status(3, T0 + 2 * MIN, 'shown')],
    expected: { status: 'shown', soldAt: null },
  },
  {
    name: 'a voided sale clears soldAt',
    events: [seen(1, T0), status(2, T0 + MIN, 'sold'), voids(3, T0 + 2 * MIN, 2)],
    expected: { status: 'open', soldAt: null },
  },
  {
    name: 'a close records the effort before it; a stored verdict is never read',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'no_answer'), status(3, T0 + 2 * MIN, 'lost', 'unreachable', false)],
    expected: { status: 'lost', closedAt: T0 + 2 * MIN, attemptsBeforeClose: 1, contactsBeforeClose: 0, phoneAttemptsBeforeClose: 1 },
  },
  {
    name: 'attempts after the close do not count as effort before it',
    events: [seen(1, T0), status(2, T0 + MIN, 'lost', 'unreachable'), attempt(3, T0 + 2 * MIN, 'reached')],
    expected: { status: 'lost', attemptsBeforeClose: 0, contactsBeforeClose: 0, contactCount: 1 },
  },
  {
    name: 'undoing a conversation after the close recomputes the effort before it',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'reached'), status(3, T0 + 2 * MIN, 'lost', 'not_interested'), voids(4, T0 + 3 * MIN, 2)],
    expected: { status: 'lost', attemptsBeforeClose: 0, contactsBeforeClose: 0 },
  },
  {
    name: 'reopening clears the close; effort counts on',
    events: [seen(1, T0), status(2, T0 + MIN, 'lost', 'unreachable'), status(3, T0 + 2 * MIN, 'open'), attempt(4, T0 + 3 * MIN, 'no_answer', 'email')],
    expected: { status: 'open', closedAt: null, attemptsBeforeClose: 1, phoneAttemptsBeforeClose: 0 },
  },
  {
    name: 'the furthest stage survives a later loss',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'appointment'), status(3, T0 + 2 * MIN, 'shown'), status(4, T0 + 3 * MIN, 'lost', 'bought_elsewhere')],
    expected: { status: 'lost', furthest: 'shown' },
  },
  {
    name: 'an appointment outcome after a close still counts as reached',
    events: [seen(1, T0), status(2, T0 + MIN, 'lost', 'other'), attempt(3, T0 + 2 * MIN, 'appointment')],
    expected: { status: 'lost', furthest: 'appointment' },
  },
  {
    name: 'who made the status: a rep unless the event says otherwise',
    events: [seen(1, T0), status(2, T0 + MIN, 'sold')],
    expected: { status: 'sold', statusActor: 'rep' },
  },
  {
    name: 'undo of the only attempt: counts, times and status recompute',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'reached'), voids(3, T0 + 2 * MIN, 2)],
    expected: { status: 'open', attempts: [], contactCount: 0, firstAttemptAt: null, lastAttemptAt: null },
  },
  {
    name: 'undo of the first of two attempts moves firstAttemptAt',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'appointment'), attempt(3, T0 + 4 * MIN, 'no_answer'), voids(4, T0 + 5 * MIN, 2)],
    expected: {
      status: 'open',
      attempts: [{ id: id(3), channel: 'call', outcome: 'no_answer', at: T0 + 4 * MIN }],
      contactCount: 0,
      firstAttemptAt: T0 + 4 * MIN,
      lastAttemptAt: T0 + 4 * MIN,
    },
  },
  {
    name: 'undo of the last attempt moves lastAttemptAt back',
    events: [seen(1, T0), attempt(2, T0 + MIN, 'reached', 'sms'), attempt(3, T0 + 4 * MIN, 'appointment'), voids(4, T0 + 5 * MIN, 3)],
    expected: {
      status: 'contacted',
      attempts: [{ id: id(2), channel: 'sms', outcome: 'reached', at: T0 + MIN }],
      contactCount: 1,
      firstAttemptAt: T0 + MIN,
      lastAttemptAt: T0 + MIN,
    },
  },
];

describe('progressFromEvents', () => {
  it.each(progressCases)('$name', ({ events, expected }) => {
    const progress = progressFromEvents(events);
    if (expected === null) {
      expect(progress).toBeNull();
      return;
    }
    expect(progress).not.toBeNull();
    expect(progress).toMatchObject(expected);
    // toMatchObject ignores an expected `undefined` key when absent; check it explicitly.
    if ('lostReason' in expected) expect(progress?.lostReason).toBe(expected.lostReason);
  });

  it('lists attempts in time order with their channel and outcome', () => {
    const progress = progressFromEvents([
      attempt(3, T0 + 3 * MIN, 'voicemail', 'whatsapp'),
      seen(1, T0),
      attempt(2, T0 + MIN, 'no_answer', 'call'),
    ]);
    expect(progress?.attempts).toEqual([
      { id: id(2), channel: 'call', outcome: 'no_answer', at: T0 + MIN },
      { id: id(3), channel: 'whatsapp', outcome: 'voicemail', at: T0 + 3 * MIN },
    ]);
  });

  it('is pure: the same events give the same answer twice', () => {
    const events = [seen(1, T0), attempt(2, T0 + MIN, 'reached'), status(3, T0 + 2 * MIN, 'lost', 'other')];
    expect(progressFromEvents(events)).toEqual(progressFromEvents([...events].reverse()));
  });
});

const DETAILS: LeadDetails = {
  crm: 'demo',
  leadId: 'L-1',
  url: 'http://leadpace-demo.localhost/leads/L-1',
  name: 'Sanne de Vries',
  phone: '+31612345678',
  vehicle: 'VW Golf',
  missing: ['receivedAt'],
};

describe('toLeadRecord', () => {
  it.each<{ to: LeadStatus; open: 0 | 1 }>([
    { to: 'open', open: 1 },
    { to: 'contacted', open: 1 },
    { to: 'appointment', open: 1 },
    { to: 'shown', open: 1 },
    { to: 'sold', open: 0 },
    { to: 'lost', open: 0 },
  ])('status $to → open flag $open', ({ to, open }) => {
    const progress = progressFromEvents([seen(1, T0), status(2, T0 + MIN, to)]);
    if (!progress) throw new Error('expected progress');
    expect(toLeadRecord(DETAILS, progress, T0 + 2 * MIN).open).toBe(open);
  });

  it('flattens details and progress, keys the row and summarises attempts', () => {
    const progress = progressFromEvents([
      seen(1, T0, CRM_TIME, 'marktplaats'),
      attempt(2, T0 + MIN, 'no_answer'),
      attempt(3, T0 + 3 * MIN, 'reached', 'whatsapp'),
    ]);
    if (!progress) throw new Error('expected progress');
    const record = toLeadRecord(DETAILS, progress, T0 + 10 * MIN);
    expect(record).toEqual({
      ...DETAILS,
      key: 'demo:L-1',
      source: 'marktplaats',
      receivedAt: CRM_TIME,
      receivedAtKnown: true,
      firstSeenAt: T0,
      status: 'contacted',
      contactCount: 1,
      firstAttemptAt: T0 + MIN,
      lastAttemptAt: T0 + 3 * MIN,
      lastSeenAt: T0 + 10 * MIN,
      attemptCount: 2,
      lastOutcome: 'reached',
      attemptLog: [
        { at: T0 + MIN, channel: 'call', outcome: 'no_answer' },
        { at: T0 + 3 * MIN, channel: 'whatsapp', outcome: 'reached' },
      ],
      soldAt: null,
      closedAt: null,
      attemptsBeforeClose: 2,
      contactsBeforeClose: 1,
      phoneAttemptsBeforeClose: 2,
      furthest: 'contacted',
      statusActor: null,
      backlog: false,
      open: 1,
    });
    expect(record).not.toHaveProperty('attempts');
  });

  it('has no last outcome without attempts', () => {
    const progress = progressFromEvents([seen(1, T0)]);
    if (!progress) throw new Error('expected progress');
    const record = toLeadRecord(DETAILS, progress, T0);
    expect(record.attemptCount).toBe(0);
    expect(record.lastOutcome).toBeNull();
  });
});

describe('toLeadView', () => {
  it('offers the last attempt in effect for undo, and the note', () => {
    const progress = progressFromEvents([seen(1, T0), attempt(2, T0 + MIN, 'no_answer'), attempt(3, T0 + 2 * MIN, 'voicemail'), voids(4, T0 + 3 * MIN, 3)]);
    if (!progress) throw new Error('expected progress');
    const view = toLeadView(toLeadRecord(DETAILS, progress, T0), progress, 'call after 17:00');
    expect(view.undoableAttemptId).toBe(id(2));
    expect(view.attempts.map((a) => a.id)).toEqual([id(2)]);
    expect(view.note).toBe('call after 17:00');
  });

  it('has nothing to undo and an empty note by default', () => {
    const progress = progressFromEvents([seen(1, T0)]);
    if (!progress) throw new Error('expected progress');
    const view = toLeadView(toLeadRecord(DETAILS, progress, T0), progress);
    expect(view.undoableAttemptId).toBeNull();
    expect(view.note).toBe('');
  });
});
