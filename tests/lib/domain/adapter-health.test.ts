import { HEALTH_WINDOW, healthShare, withPage, type CrmHealth, type PageRead } from '../../../lib/domain/adapter-health';

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
