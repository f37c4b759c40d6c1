export type Fetch = (request: Request) => Promise<Response>;

export interface FaultStats {
  calls: number;
  failedBefore: number;
  timedOut: number;
  droppedAfterCommit: number;
}

/**
 * Wraps a fetch so `failureRate` of calls go wrong the ways a real network does: a 500 without
 * reaching the server, a timeout (the request may or may not have reached it), or a response
 * lost after the server committed — the case that makes idempotency necessary.
 */
export function flakyFetch(inner: Fetch, random: () => number, failureRate = 0.3): { fetch: Fetch; stats: FaultStats } {
  const stats: FaultStats = { calls: 0, failedBefore: 0, timedOut: 0, droppedAfterCommit: 0 };
  const fetch: Fetch = async (request) => {
    stats.calls += 1;
    if (random() >= failureRate) return inner(request);
    const kind = random();
    if (kind < 1 / 3) {
      stats.failedBefore += 1;
      return new Response(JSON.stringify({ error: 'internal', message: 'injected failure' }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
      });
    }
    if (kind < 2 / 3) {
      stats.timedOut += 1;
      // Half of the timeouts still reach the server; the client cannot tell which.
      if (random() < 0.5) await inner(request.clone());
      throw new Error('injected timeout');
    }
    stats.droppedAfterCommit += 1;
    await inner(request);
    throw new Error('injected connection reset after commit');
  };
  return { fetch, stats };
}
