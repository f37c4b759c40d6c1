import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { checkDealerZone, type WallTime, type ZoneSample } from '@/lib/domain/zone-check';

const CANDIDATES = ['America/Chicago', 'America/Mexico_City', 'America/New_York', 'Europe/Amsterdam', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu'];

/** The wall time `iso` (an instant) shows in `zone`. */
function wallIn(iso: string, zone: string): WallTime {
  const d = new TZDate(Date.parse(iso), zone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
}

/** A wall time printed in `pageZone` beside its own timestamp. */
const paired = (iso: string, pageZone: string, skewMs = 0): ZoneSample => ({ kind: 'paired', wall: wallIn(iso, pageZone), instant: Date.parse(iso) + skewMs });

const check = (samples: ZoneSample[], dealerZone: string, now = '2026-11-24T18:00:00Z') =>
  checkDealerZone({ samples, dealerZone, now: Date.parse(now), candidates: CANDIDATES, preferred: ['America/Chicago'] });

describe('checkDealerZone', () => {
  it.each([
    // name, samples, dealer zone, expected offset (page − dealer, minutes), whole hours
    ['US page read as Amsterdam (winter)', [paired('2026-11-24T15:12:00Z', 'America/Chicago'), paired('2026-11-23T20:40:00Z', 'America/Chicago')], 'Europe/Amsterdam', -420, true],
    ['Amsterdam page read as Chicago', [paired('2026-11-24T15:12:00Z', 'Europe/Amsterdam'), paired('2026-11-20T08:05:00Z', 'Europe/Amsterdam')], 'America/Chicago', 420, true],
    ['New York page read as Amsterdam (summer)', [paired('2026-07-01T12:00:00Z', 'America/New_York'), paired('2026-07-02T09:30:00Z', 'America/New_York')], 'Europe/Amsterdam', -360, true],
    // Between the US (2nd Sunday of March) and the EU (last Sunday) switch, Chicago is 6 h behind.
    ['Chicago in the weeks US and EU DST differ', [paired('2026-03-16T15:00:00Z', 'America/Chicago'), paired('2026-03-17T15:00:00Z', 'America/Chicago')], 'Europe/Amsterdam', -360, true],
    ['India page read as Amsterdam: 4½ h, not whole', [paired('2026-11-24T10:00:00Z', 'Asia/Kolkata'), paired('2026-11-24T11:00:00Z', 'Asia/Kolkata')], 'Europe/Amsterdam', 270, false],
    ['Amsterdam page read as India', [paired('2026-11-24T10:00:00Z', 'Europe/Amsterdam'), paired('2026-11-24T11:00:00Z', 'Europe/Amsterdam')], 'Asia/Kolkata', -270, false],
    ['Nepal page read as India: a quarter hour', [paired('2026-11-24T10:00:00Z', 'Asia/Kathmandu'), paired('2026-11-24T11:00:00Z', 'Asia/Kathmandu')], 'Asia/Kolkata', 15, false],
    ['India page read as London: 5½ h', [paired('2026-11-24T10:00:00Z', 'Asia/Kolkata'), paired('2026-11-25T10:00:00Z', 'Asia/Kolkata')], 'Europe/London', 330, false],
  ] as const)('%s', (_name, samples, dealerZone, offset, whole) => {
    const verdict = check([...samples], dealerZone);
    expect(verdict).toMatchObject({ kind: 'disagrees', offsetMinutes: offset, atLeastMinutes: offset, wholeHours: whole });
  });

  it.each([
    ['Amsterdam page, Amsterdam dealer', [paired('2026-11-24T15:12:00Z', 'Europe/Amsterdam'), paired('2026-11-23T20:40:00Z', 'Europe/Amsterdam')], 'Europe/Amsterdam'],
    ['Chicago page, Chicago dealer', [paired('2026-11-24T15:12:00Z', 'America/Chicago'), paired('2026-07-01T15:12:00Z', 'America/Chicago')], 'America/Chicago'],
    ['India page, India dealer: half-hour zones agree', [paired('2026-11-24T10:00:00Z', 'Asia/Kolkata'), paired('2026-11-24T11:00:00Z', 'Asia/Kolkata')], 'Asia/Kolkata'],
    // 2026-03-29: Amsterdam skips 02:00–03:00; the samples either side are both right.
    ['either side of the spring-forward hour', [paired('2026-03-29T00:30:00Z', 'Europe/Amsterdam'), paired('2026-03-29T01:30:00Z', 'Europe/Amsterdam')], 'Europe/Amsterdam'],
    // 2026-10-25: 02:30 happens twice in Amsterdam; both are read at their own instant.
    ['both 02:30s of the fall-back night', [paired('2026-10-25T00:30:00Z', 'Europe/Amsterdam'), paired('2026-10-25T01:30:00Z', 'Europe/Amsterdam')], 'Europe/Amsterdam'],
    ['a wall time to the minute beside a timestamp with seconds', [paired('2026-11-24T15:12:00Z', 'Europe/Amsterdam', 59_000), paired('2026-11-24T16:12:00Z', 'Europe/Amsterdam', 30_000)], 'Europe/Amsterdam'],
  ] as const)('agrees: %s', (_name, samples, dealerZone) => {
    expect(check([...samples], dealerZone)).toEqual({ kind: 'agrees' });
  });

  it.each([
    ['no samples', [], 'too-thin'],
    ['one sample is a coincidence, not evidence', [paired('2026-11-24T15:12:00Z', 'America/Chicago')], 'too-thin'],
    ['samples that contradict each other', [paired('2026-11-24T15:12:00Z', 'America/Chicago'), paired('2026-11-24T15:12:00Z', 'Europe/Amsterdam')], 'contradicting'],
    ['a timestamp 17 minutes off is another moment, not a zone', [paired('2026-11-24T15:12:00Z', 'Europe/Amsterdam', 17 * 60_000), paired('2026-11-24T16:12:00Z', 'Europe/Amsterdam', 17 * 60_000)], 'not-a-zone-step'],
  ] as const)('no verdict: %s', (_name, samples, reason) => {
    expect(check([...samples], 'Europe/Amsterdam')).toEqual({ kind: 'unknown', reason });
  });

  it('lists the zones that fit, the preferred one first, and tells DST rules apart', () => {
    const winter = check([paired('2026-11-24T15:00:00Z', 'America/Chicago'), paired('2026-11-25T15:00:00Z', 'America/Chicago')], 'Europe/Amsterdam');
    expect(winter.kind === 'disagrees' && winter.fittingZones).toEqual(['America/Chicago', 'America/Mexico_City']);
    // Mexico City is UTC−6 all year: it fits November but not the March week.
    const march = check([paired('2026-03-16T15:00:00Z', 'America/Chicago'), paired('2026-03-17T15:00:00Z', 'America/Chicago')], 'Europe/Amsterdam');
    expect(march.kind === 'disagrees' && march.fittingZones).toEqual(['America/Chicago']);
  });

  it('a Chicago page with March and November leads: one zone explains both, the latest figure is shown', () => {
    const verdict = check([paired('2026-03-16T15:00:00Z', 'America/Chicago'), paired('2026-11-24T15:00:00Z', 'America/Chicago')], 'Europe/Amsterdam');
    expect(verdict).toEqual({ kind: 'disagrees', offsetMinutes: -420, atLeastMinutes: -420, wholeHours: true, fittingZones: ['America/Chicago'] });
  });

  it('a creation time hours in the future says the page runs ahead, by at least that much', () => {
    // Created 1 h ago in Amsterdam, read as Chicago: 6 h ahead of now.
    const created = (iso: string): ZoneSample => ({ kind: 'created', wall: wallIn(iso, 'Europe/Amsterdam') });
    const verdict = check([created('2026-11-24T17:00:00Z'), created('2026-11-24T16:00:00Z')], 'America/Chicago');
    expect(verdict).toMatchObject({ kind: 'disagrees', offsetMinutes: null, atLeastMinutes: 360, wholeHours: true });
    expect(verdict.kind === 'disagrees' && verdict.fittingZones).toContain('Europe/Amsterdam');
  });

  it('a creation time a little ahead (a fast clock) or in the past says nothing', () => {
    const created = (iso: string): ZoneSample => ({ kind: 'created', wall: wallIn(iso, 'Europe/Amsterdam') });
    expect(check([created('2026-11-24T18:30:00Z'), created('2026-11-24T10:00:00Z')], 'Europe/Amsterdam')).toEqual({ kind: 'unknown', reason: 'too-thin' });
    // With one exact pair beside them, the page agrees.
    expect(check([created('2026-11-24T18:30:00Z'), paired('2026-11-24T15:00:00Z', 'Europe/Amsterdam')], 'Europe/Amsterdam')).toEqual({ kind: 'agrees' });
  });

  it('"3 hours ago" beside a Chicago wall time, read as Amsterdam, is about 7 hours behind', () => {
    const now = '2026-11-24T18:00:00Z';
    const ago = (hours: number): ZoneSample => ({
      kind: 'relative',
      wall: wallIn(new Date(Date.parse(now) - hours * 3_600_000 - 20 * 60_000).toISOString(), 'America/Chicago'),
      minAgoMs: hours * 3_600_000,
      maxAgoMs: (hours + 1) * 3_600_000,
    });
    const verdict = check([ago(3), ago(5)], 'Europe/Amsterdam', now);
    expect(verdict).toMatchObject({ kind: 'disagrees', offsetMinutes: null });
    expect(verdict.kind === 'disagrees' && verdict.fittingZones[0]).toBe('America/Chicago');
    // With a pair, the relative samples only confirm the exact figure.
    expect(check([ago(3), paired('2026-11-24T15:12:00Z', 'America/Chicago')], 'Europe/Amsterdam', now)).toMatchObject({ offsetMinutes: -420 });
  });

  it('an unknown dealer zone gives no verdict rather than throwing', () => {
    expect(check([paired('2026-11-24T15:12:00Z', 'America/Chicago'), paired('2026-11-23T20:40:00Z', 'America/Chicago')], 'Not/AZone')).toEqual({ kind: 'unknown', reason: 'too-thin' });
  });
});
