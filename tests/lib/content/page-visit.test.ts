import { describe, expect, it, vi } from 'vitest';
import { createPageVisit } from '@/lib/content/page-visit';

const url = (path: string) => new URL(path, 'https://crm.example');

describe('createPageVisit', () => {
  it('following a new URL ends everything the previous URL started, once', () => {
    const visit = createPageVisit(new AbortController().signal);
    const first = visit.follow(url('/leads/1'));
    const watch = vi.fn();
    const list = vi.fn();
    first.own(watch);
    first.own(list);
    first.own(null);
    const second = visit.follow(url('/leads/2'));
    expect(first.signal.aborted).toBe(true);
    expect([watch.mock.calls.length, list.mock.calls.length]).toEqual([1, 1]);
    expect(second.signal.aborted).toBe(false);
    expect(visit.current?.url.pathname).toBe('/leads/2');
    visit.follow(url('/leads/3'));
    expect(watch).toHaveBeenCalledTimes(1);
  });

  it('pause ends the current URL and follows nothing', () => {
    const visit = createPageVisit(new AbortController().signal);
    const scope = visit.follow(url('/leads/1'));
    const stop = vi.fn();
    scope.own(stop);
    visit.pause();
    expect(stop).toHaveBeenCalledOnce();
    expect(visit.current).toBeNull();
  });

  it('the end of the content script ends the URL, and later scopes are over before they start', () => {
    const lifetime = new AbortController();
    const visit = createPageVisit(lifetime.signal);
    const stop = vi.fn();
    visit.follow(url('/leads/1')).own(stop);
    lifetime.abort();
    expect(stop).toHaveBeenCalledOnce();
    const late = visit.follow(url('/leads/2'));
    const lateStop = vi.fn();
    late.own(lateStop);
    expect(late.signal.aborted).toBe(true);
    expect(lateStop).toHaveBeenCalledOnce();
    expect(visit.current).toBeNull();
  });

  it('a stop that throws never reaches the page, and the others still run', () => {
    const visit = createPageVisit(new AbortController().signal);
    const scope = visit.follow(url('/leads/1'));
    const after = vi.fn();
    scope.own(() => {
      throw new Error('adapter bug');
    });
    scope.own(after);
    expect(() => visit.pause()).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
  });
});
