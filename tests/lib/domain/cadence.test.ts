import { TZDate } from '@date-fns/tz';
import { DEFAULT_OPENING_HOURS as H } from '@/lib/domain/business-time';
import {
  actionList,
  cadenceSettingsSchema,
  DEFAULT_CADENCE_SETTINGS as S,
  firstBurstStatus,
  leadState,
  responseGrade,
  suggestChannel,
  type CadenceAttempt,
  type CadenceLead,
} from '@/lib/domain/cadence';
import type { Channel, LeadStatus, Outcome } from '@/lib/domain/model';

const ZONE = 'Europe/Amsterdam';
const MIN = 60_000;
const HOUR = 60 * MIN;
/** An instant given as Amsterdam wall-clock time: 'YYYY-MM-DD HH:mm'. */
const ams = (text: string): number => {
  const [date = '', time = '00:00'] = text.split(' ');
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  return new TZDate(y, mo - 1, d, h, mi, ZONE).getTime();
};
const wall = (ms: number | null): string | null => {
  if (ms === null) return null;
  const t = new TZDate(ms, ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
};
const attempt = (at: string, outcome: Outcome = 'no_answer', channel: Channel = 'call'): CadenceAttempt => ({
  at: ams(at),
  channel,
  outcome,
});
const lead = (receivedAt: string, attempts: CadenceAttempt[] = [], status: LeadStatus = 'open'): CadenceLead => ({
  receivedAt: ams(receivedAt),
  status,
  attempts,
});
/** The fields a table compares, with instants as wall-clock text. */
const summary = (l: CadenceLead, now: string) => {
  const s = leadState(l, S, H, ams(now));
  return { state: s.state, step: s.stepIndex, due: wall(s.dueAt), overdueMin: s.overdueByMs / MIN, channel: s.nextChannel };
};

// Tuesday 10 March 2026, 10:00: an ordinary weekday.
const R = '2026-03-10 10:00';

describe('first-attempt SLA', () => {
  it.each([
    ['just received', R, R, 'new', '2026-03-10 10:00', 0],
    ['4 min', R, '2026-03-10 10:04', 'new', '2026-03-10 10:00', 0],
    ['exactly 5 min is still within the SLA', R, '2026-03-10 10:05', 'new', '2026-03-10 10:00', 0],
    ['6 min: overdue, counted from received', R, '2026-03-10 10:06', 'overdue', '2026-03-10 10:00', 6],
    ['Friday 17:58, Saturday 09:02: 4 business minutes', '2026-03-06 17:58', '2026-03-07 09:02', 'new', '2026-03-06 17:58', 0],
    ['Friday 17:58, Saturday 09:04: 6 business minutes', '2026-03-06 17:58', '2026-03-07 09:04', 'overdue', '2026-03-06 17:58', 6],
    ['Saturday evening, seen Sunday: the clock has not started', '2026-03-07 20:00', '2026-03-08 12:00', 'new', '2026-03-09 09:00', 0],
    ['Saturday evening, Monday 09:05', '2026-03-07 20:00', '2026-03-09 09:05', 'new', '2026-03-09 09:00', 0],
    ['Saturday evening, Monday 09:06', '2026-03-07 20:00', '2026-03-09 09:06', 'overdue', '2026-03-09 09:00', 6],
    ['across the spring DST change: Saturday 16:58, Monday 09:04', '2026-03-28 16:58', '2026-03-30 09:04', 'overdue', '2026-03-28 16:58', 6],
    ['across the autumn DST change: Saturday 16:58, Monday 09:02', '2026-10-24 16:58', '2026-10-26 09:02', 'new', '2026-10-24 16:58', 0],
    ['on Koningsdag, Tuesday 09:10', '2026-04-27 11:00', '2026-04-28 09:10', 'overdue', '2026-04-28 09:00', 10],
  ])('%s', (_name, received, now, state, due, overdueMin) => {
    expect(summary(lead(received), now)).toEqual({ state, step: 0, due, overdueMin, channel: 'call' });
  });

  it('never hangs on hours with no open time: the lead stays new without a due time', () => {
    const never = { ...H, week: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null } };
    expect(leadState(lead(R), S, never, ams('2026-03-12 10:00'))).toMatchObject({ state: 'new', dueAt: null, overdueAt: null });
    expect(leadState(lead(R, [attempt(R)]), S, never, ams('2026-03-12 10:00'))).toMatchObject({ state: 'waiting', dueAt: null });
  });

  it('reports when the SLA runs out, for alarms', () => {
    expect(wall(leadState(lead('2026-03-06 17:58'), S, H, ams('2026-03-06 18:00')).overdueAt)).toBe('2026-03-07 09:03');
  });
});

describe('state after each outcome of a first call at 10:02', () => {
  it.each([
    ['no_answer', 'waiting', 1, '2026-03-10 10:10', 'whatsapp'],
    ['voicemail', 'waiting', 1, '2026-03-10 10:10', 'whatsapp'],
    ['wrong_number', 'waiting', 1, '2026-03-10 10:10', 'email'],
    // A conversation skips the same-day steps: the next touch is day 2.
    ['reached', 'waiting', 4, '2026-03-11 09:00', 'call'],
    ['appointment', 'done', 4, null, null],
    ['not_interested', 'done', 4, null, null],
  ] as [Outcome, string, number, string | null, Channel | null][])('%s → %s', (outcome, state, step, due, channel) => {
    expect(summary(lead(R, [attempt('2026-03-10 10:02', outcome)]), '2026-03-10 10:05')).toEqual({
      state,
      step,
      due,
      overdueMin: 0,
      channel,
    });
  });

  it.each([['sold'], ['lost'], ['appointment'], ['shown']] as [LeadStatus][])('status %s is done', (status) => {
    expect(summary(lead(R, [attempt('2026-03-10 10:02')], status), '2026-03-11 10:00').state).toBe('done');
  });

  it('reports the response time in business minutes', () => {
    const late = lead('2026-03-06 17:58', [attempt('2026-03-07 09:03')]);
    expect(leadState(late, S, H, ams('2026-03-07 09:04')).responseMs).toBe(5 * MIN);
    expect(leadState(lead(R), S, H, ams(R)).responseMs).toBeNull();
  });
});

describe('step 1 (10 min) after an unanswered call at 10:01', () => {
  const l = lead(R, [attempt('2026-03-10 10:01')]);
  it.each([
    ['2026-03-10 10:09', 'waiting', 0],
    ['2026-03-10 10:10', 'due', 0],
    ['2026-03-10 10:15', 'due', 0],
    ['2026-03-10 10:16', 'overdue', 6],
    ['2026-03-10 18:30', 'overdue', 470],
  ])('at %s: %s', (now, state, overdueMin) => {
    expect(summary(l, now)).toMatchObject({ state, step: 1, due: '2026-03-10 10:10', overdueMin });
  });
});

describe('the full cadence of unanswered attempts', () => {
  // Received Tuesday 10:00; every attempt made exactly when due.
  const times = ['2026-03-10 10:00', '2026-03-10 10:10', '2026-03-10 10:30', '2026-03-10 14:00', '2026-03-11 09:00', '2026-03-13 09:00', '2026-03-17 09:00'];
  const channels: Channel[] = ['call', 'whatsapp', 'call', 'email', 'call', 'whatsapp', 'call'];
  it.each([
    [1, '2026-03-10 10:10', 'whatsapp'],
    [2, '2026-03-10 10:30', 'call'],
    [3, '2026-03-10 14:00', 'email'],
    // day 2 = next business day's opening; day 4 = Friday; day 7 = Tuesday (Sunday closed).
    [4, '2026-03-11 09:00', 'call'],
    [5, '2026-03-13 09:00', 'whatsapp'],
    [6, '2026-03-17 09:00', 'call'],
  ])('after %i attempts the next step is due %s by %s', (count, due, channel) => {
    const attempts = times.slice(0, count).map((t, i) => attempt(t, 'no_answer', channels[i]));
    const state = leadState(lead(R, attempts), S, H, ams(times[count - 1] ?? R) + MIN);
    expect({ step: state.stepIndex, due: wall(state.dueAt), channel: state.nextChannel, state: state.state }).toEqual({
      step: count,
      due,
      channel,
      state: 'waiting',
    });
  });

  it('is done once every step was attempted', () => {
    const attempts = times.map((t, i) => attempt(t, 'no_answer', channels[i]));
    expect(summary(lead(R, attempts), '2026-03-20 12:00')).toEqual({ state: 'done', step: 7, due: null, overdueMin: 0, channel: null });
  });

  it('keeps a day step due all that business day, overdue after closing', () => {
    const attempts = times.slice(0, 4).map((t) => attempt(t));
    const l = lead(R, attempts);
    expect(summary(l, '2026-03-11 08:59').state).toBe('waiting');
    expect(summary(l, '2026-03-11 17:59').state).toBe('due');
    expect(summary(l, '2026-03-12 10:00')).toMatchObject({ state: 'overdue', overdueMin: 10 * 60 });
  });
});

describe('late attempts push the cadence back', () => {
  it('a first call two days late is not followed by an instant overdue: half the gap first', () => {
    const l = lead(R, [attempt('2026-03-12 11:00')]);
    expect(summary(l, '2026-03-12 11:04')).toMatchObject({ state: 'waiting', step: 1, due: '2026-03-12 11:05' });
    expect(leadState(l, S, H, ams('2026-03-12 11:05')).responseMs).toBe(19 * HOUR);
  });

  it('an evening lead: +4 h spills into the next morning and day 2 moves to the day after', () => {
    const l = lead('2026-03-09 17:00', [
      attempt('2026-03-09 17:00'),
      attempt('2026-03-09 17:10'),
      attempt('2026-03-09 17:30'),
    ]);
    expect(summary(l, '2026-03-09 17:31')).toMatchObject({ step: 3, due: '2026-03-10 12:00' });
    const l2 = { ...l, attempts: [...l.attempts, attempt('2026-03-10 12:00')] };
    expect(summary(l2, '2026-03-10 12:01')).toMatchObject({ step: 4, due: '2026-03-11 09:00' });
  });

  it.each([
    ['a first call within the SLA keeps step 1 at 10 min', ['2026-03-10 10:04'], '2026-03-10 10:10'],
    ['a first call 9 min late: step 1 five minutes after it', ['2026-03-10 10:09'], '2026-03-10 10:14'],
    ['steps taken within grace keep the 30-min step', ['2026-03-10 10:04', '2026-03-10 10:15'], '2026-03-10 10:30'],
    ['a 10-min step taken 15 min late moves the 30-min step', ['2026-03-10 10:00', '2026-03-10 10:25'], '2026-03-10 10:35'],
    ['a late day-2 attempt moves day 4 by a day', ['2026-03-10 10:00', '2026-03-10 10:10', '2026-03-10 10:30', '2026-03-10 14:00', '2026-03-12 10:00'], '2026-03-14 09:00'],
  ])('%s', (_name, ats, due) => {
    const l = lead(R, ats.map((a) => attempt(a)));
    expect(summary(l, ats.at(-1) ?? R).due).toBe(due);
  });

  it('sorts attempts given out of order', () => {
    const l = lead(R, [attempt('2026-03-10 10:10', 'no_answer', 'whatsapp'), attempt('2026-03-10 10:00')]);
    expect(summary(l, '2026-03-10 10:11')).toMatchObject({ step: 2, due: '2026-03-10 10:30', channel: 'call' });
  });
});

describe('first burst (3 attempts within 30 business minutes)', () => {
  it.each([
    ['three in the window', ['2026-03-10 10:01', '2026-03-10 10:10', '2026-03-10 10:29'], '2026-03-10 10:31', 'met'],
    ['two, window still open', ['2026-03-10 10:01', '2026-03-10 10:10'], '2026-03-10 10:20', 'pending'],
    ['two, window passed', ['2026-03-10 10:01', '2026-03-10 10:10'], '2026-03-10 10:31', 'missed'],
    ['third one too late', ['2026-03-10 10:01', '2026-03-10 10:10', '2026-03-10 10:45'], '2026-03-10 10:46', 'missed'],
  ])('%s → %s', (_name, ats, now, expected) => {
    expect(firstBurstStatus(lead(R, ats.map((a) => attempt(a))), S, H, ams(now))).toBe(expected);
  });

  it('a conversation inside the window meets it', () => {
    expect(firstBurstStatus(lead(R, [attempt('2026-03-10 10:01', 'reached')]), S, H, ams('2026-03-10 11:00'))).toBe('met');
  });

  it('the window is business time: Friday 17:50 → Saturday 09:20', () => {
    const l = lead('2026-03-06 17:50', ['2026-03-06 17:51', '2026-03-07 09:05', '2026-03-07 09:19'].map((a) => attempt(a)));
    expect(firstBurstStatus(l, S, H, ams('2026-03-07 09:30'))).toBe('met');
  });
});

describe('suggestChannel', () => {
  const seq = (...steps: [Channel, Outcome][]) => steps.map(([channel, outcome], i) => ({ at: i, channel, outcome }));
  it.each([
    ['nothing yet', seq(), 'call'],
    ['unanswered call', seq(['call', 'no_answer']), 'whatsapp'],
    ['voicemail', seq(['call', 'voicemail']), 'whatsapp'],
    ['WhatsApp without reply', seq(['call', 'no_answer'], ['whatsapp', 'no_answer']), 'call'],
    ['two unanswered calls with WhatsApp between', seq(['call', 'no_answer'], ['whatsapp', 'no_answer'], ['call', 'voicemail']), 'email'],
    ['two unanswered calls, no WhatsApp yet', seq(['call', 'no_answer'], ['call', 'no_answer']), 'whatsapp'],
    ['e-mail went out last time, so WhatsApp again', seq(['call', 'no_answer'], ['whatsapp', 'no_answer'], ['call', 'no_answer'], ['email', 'no_answer'], ['call', 'no_answer']), 'whatsapp'],
    ['wrong number', seq(['call', 'wrong_number']), 'email'],
    ['wrong number stays wrong', seq(['call', 'wrong_number'], ['email', 'no_answer']), 'email'],
    ['WhatsApp to a wrong number', seq(['call', 'no_answer'], ['whatsapp', 'wrong_number']), 'email'],
    ['after a conversation', seq(['call', 'reached']), 'call'],
    ['e-mail first', seq(['email', 'no_answer']), 'call'],
  ] as [string, CadenceAttempt[], Channel][])('%s → %s', (_name, attempts, expected) => {
    expect(suggestChannel(attempts)).toBe(expected);
  });
});

describe('responseGrade', () => {
  it.each([
    [null, null],
    [0, 'stretch'],
    [2 * MIN, 'stretch'],
    [3 * MIN, 'within_sla'],
    [5 * MIN, 'within_sla'],
    [6 * MIN, 'late'],
  ])('response %s → %s', (ms, grade) => {
    expect(responseGrade(ms)).toBe(grade);
  });
});

describe('actionList', () => {
  const now = ams('2026-03-10 10:04');
  const leads = {
    waiting: lead('2026-03-10 09:58', [attempt('2026-03-10 09:59')]),
    newer: lead('2026-03-10 10:02'),
    overdueShort: lead('2026-03-10 09:30'),
    sold: lead('2026-03-09 09:00', [], 'sold'),
    due: lead('2026-03-10 09:50', [attempt('2026-03-10 09:51')]),
    overdueLong: lead('2026-03-09 15:00'),
    older: lead('2026-03-10 10:00'),
  };
  it('lists new (closest to its SLA first), then overdue (longest first), then due', () => {
    const byLead = new Map(Object.entries(leads).map(([name, l]) => [l, name]));
    const list = actionList(Object.values(leads), S, H, now);
    expect(list.map((item) => [byLead.get(item.lead), item.state.state, item.state.overdueByMs / MIN])).toEqual([
      ['older', 'new', 0],
      ['newer', 'new', 0],
      ['overdueLong', 'overdue', 4 * 60 + 4],
      ['overdueShort', 'overdue', 34],
      ['due', 'due', 0],
    ]);
  });

  it('is empty when nothing needs action', () => {
    expect(actionList([leads.waiting, leads.sold], S, H, now)).toEqual([]);
  });
});

describe('cadenceSettingsSchema', () => {
  it('accepts the defaults', () => {
    expect(cadenceSettingsSchema.safeParse(S).success).toBe(true);
  });
  it.each([
    ['steps out of order', { ...S, steps: [{ kind: 'after', ms: 10 * MIN }, { kind: 'after', ms: 0 }] }],
    ['same-day step after a day step', { ...S, steps: [{ kind: 'day', day: 2 }, { kind: 'after', ms: 0 }] }],
    ['no steps', { ...S, steps: [] }],
    ['stretch longer than the SLA', { ...S, stretchFirstAttemptSlaMs: 10 * MIN }],
    ['negative SLA', { ...S, firstAttemptSlaMs: -1 }],
  ])('rejects %s', (_name, value) => {
    expect(cadenceSettingsSchema.safeParse(value).success).toBe(false);
  });
});
