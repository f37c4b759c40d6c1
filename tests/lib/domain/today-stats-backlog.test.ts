import { describe, expect, it } from 'vitest';
import { todayStats } from '@/lib/domain/metrics';
import { ams, record } from '@/tests/fixtures/lead-records';

describe('todayStats leaves backlog out of the response median', () => {
  const fresh = record({ key: 'NEW', received: '2026-12-01 09:00', attempts: ['2026-12-01 09:04'] });
  const old = { ...record({ key: 'OLD', received: '2026-11-24 09:00', attempts: ['2026-12-01 09:30'] }), backlog: true };
  it.each([
    ['a new lead alone', [fresh], 4 * 60_000, 1],
    ['with a week-old backlog lead worked today', [fresh, old], 4 * 60_000, 1],
    ['only backlog worked today', [old], null, 0],
  ])('%s', (_name, leads, medianMs, n) => {
    const stats = todayStats({ leads, attempts: [], now: ams('2026-12-01 12:00') });
    expect(stats.medianFirstResponseMs).toBe(medianMs);
    expect(stats.firstResponses).toBe(n);
  });
});
