import { DRIFT_MIN_PAGES, driftToTell, HEALTH_WINDOW, healthShare, isDrifting, toldStillDue, withPage, type CrmHealth, type PageRead } from '@/lib/domain/adapter-health';

const page = (at: number, read: number, asked: number): PageRead => ({ at, read, asked });

function pages(reads: [read: number, asked: number][]): CrmHealth {
  return reads.reduce<CrmHealth | undefined>((health, [read, asked], index) => withPage(health, page(index, read, asked), `L-${index}`), undefined) ?? {
    pages: [],
  };
}

describe('withPage', () => {
  it('starts a window from nothing and remembers the last lead', () => {
    expect(withPage(undefined, page(1000, 3, 4), 'L-1')).toEqual({ pages: [page(1000, 3, 4)], lastLead: { at: 1000, leadId: 'L-1' } });
  });

  it('does not change the health it was given', () => {
    const before = withPage(undefined, page(1, 1, 1), 'L-1');
    const copy = structuredClone(before);
    withPage(before, page(2, 0, 1), 'L-2');
    expect(before).toEqual(copy);
  });

  it.each([
    [1, 1],
    [19, 19],
    [20, 20],
    [21, 20],
    [45, 20],
  ])('after %i pages keeps the last %i', (count, kept) => {
    const health = pages(Array.from({ length: count }, () => [1, 1]));
    expect(HEALTH_WINDOW).toBe(20);
    expect(health.pages).toHaveLength(kept);
    expect(health.pages.map((p) => p.at)).toEqual(Array.from({ length: kept }, (_, i) => count - kept + i));
    expect(health.lastLead).toEqual({ at: count - 1, leadId: `L-${count - 1}` });
  });
});

describe('healthShare', () => {
  it.each<[string, CrmHealth | undefined, number | null]>([
    ['no health yet', undefined, null],
    ['an empty window', { pages: [] }, null],
    ['pages that asked nothing', pages([[0, 0], [0, 0]]), null],
    ['all read', pages([[4, 4], [2, 2]]), 1],
    ['nothing read', pages([[0, 4], [0, 2]]), 0],
    ['fields, not pages, are weighed', pages([[4, 4], [0, 1]]), 0.8],
    ['half', pages([[1, 2], [3, 6]]), 0.5],
    ['reading more than asked counts as all', pages([[9, 4], [0, 4]]), 0.5],
    ['a page that asked nothing does not count', pages([[1, 4], [0, 0]]), 0.25],
  ])('%s → %s', (_case, health, share) => {
    expect(healthShare(health)).toBe(share);
  });

  it('only weighs the window: old bad pages drop out', () => {
    const reads: [number, number][] = [...Array.from({ length: 10 }, (): [number, number] => [0, 4]), ...Array.from({ length: 20 }, (): [number, number] => [4, 4])];
    expect(healthShare(pages(reads))).toBe(1);
    expect(healthShare(pages(reads.slice(0, 25)))).toBe(0.75);
  });
});

describe('drift', () => {
  const uniform = (count: number, read: number, asked: number) => pages(Array.from({ length: count }, () => [read, asked] as [number, number]));

  it.each([
    { case: 'too few pages to tell', health: uniform(DRIFT_MIN_PAGES - 1, 0, 6), drifting: false },
    { case: 'enough pages, nothing read', health: uniform(DRIFT_MIN_PAGES, 0, 6), drifting: true },
    { case: 'exactly at the share', health: uniform(20, 7, 10), drifting: false },
    { case: 'just under the share', health: uniform(20, 69, 100), drifting: true },
    { case: 'reads well', health: uniform(20, 6, 6), drifting: false },
    { case: 'no pages', health: undefined, drifting: false },
  ])('$case → drifting $drifting', ({ health, drifting }) => {
    expect(isDrifting(health)).toBe(drifting);
  });

  it('tells each drifting CRM once per drop, in id order', () => {
    const all = { zoho: uniform(20, 1, 6), hubspot: uniform(20, 2, 6), elead: uniform(20, 6, 6) };
    expect(driftToTell(all, {})).toEqual(['hubspot', 'zoho']);
    expect(driftToTell(all, { zoho: 5 })).toEqual(['hubspot']);
  });

  it('forgets a told CRM once it reads well again, so a later drop is told again', () => {
    const told = { hubspot: 5, zoho: 6 };
    const recovered = { hubspot: uniform(20, 6, 6), zoho: uniform(20, 1, 6) };
    expect(toldStillDue(recovered, told)).toEqual({ zoho: 6 });
    const droppedAgain = { hubspot: uniform(20, 1, 6), zoho: uniform(20, 1, 6) };
    expect(driftToTell(droppedAgain, toldStillDue(recovered, told))).toEqual(['hubspot']);
  });

  it('keeps the CRM name it was given and carries it to later pages', () => {
    const named = withPage(undefined, page(1, 1, 1), 'L-1', 'HubSpot CRM');
    expect(withPage(named, page(2, 1, 1), 'L-2').name).toBe('HubSpot CRM');
  });
});
