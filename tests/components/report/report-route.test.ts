import { describe, expect, it } from 'vitest';
import { viewFromHash } from '@/components/report/report-route';

describe('viewFromHash', () => {
  it.each([
    ['#team', 'team'],
    ['team', 'team'],
    ['#team?period=month', 'team'],
    ['', 'source'],
    ['#source', 'source'],
    ['#', 'source'],
    ['#teams', 'source'],
    ['#from=2026-01-01&to=2026-02-01', 'source'],
  ])('%s → %s', (hash, view) => {
    expect(viewFromHash(hash)).toBe(view);
  });
});
