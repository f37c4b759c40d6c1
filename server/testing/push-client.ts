import { pushResponseSchema, type WireEvent } from '../../lib/sync/wire';
import type { Fetch } from './flaky-fetch';

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/**
 * A minimal stand-in for the extension's sync client (docs/architecture.md "Team server"): an outbox of
 * pending events, batches, retries with capped exponential backoff and full jitter on network
 * errors/408/429/5xx, Retry-After honoured, rejected events quarantined instead of retried.
 * `stopAfter` simulates the service worker dying mid-run: the outbox survives, the run ends.
 */
export class PushClient {
  readonly pending = new Map<string, WireEvent>();
  readonly quarantined = new Map<string, string>();
  requests = 0;

  constructor(
    private readonly options: {
      baseUrl: string;
      token: string;
      fetch: Fetch;
      random: () => number;
      batchSize?: number;
      baseDelayMs?: number;
      maxDelayMs?: number;
    },
  ) {}

  enqueue(events: readonly WireEvent[]): void {
    for (const e of events) this.pending.set(e.id, e);
  }

  /** Pushes until the outbox is empty (true) or `stopAfter` requests were made (false). */
  async run(stopAfter = Infinity): Promise<boolean> {
    const batchSize = this.options.batchSize ?? 500;
    let failures = 0;
    let made = 0;
    while (this.pending.size > 0) {
      if (made >= stopAfter) return false;
      const batch = [...this.pending.values()].slice(0, batchSize);
      made += 1;
      this.requests += 1;
      const wait = await this.pushOnce(batch);
      if (wait === null) {
        failures = 0;
        continue;
      }
      failures += 1;
      const cap = Math.min(this.options.maxDelayMs ?? 50, (this.options.baseDelayMs ?? 2) * 2 ** failures);
      await new Promise((r) => setTimeout(r, Math.max(wait, this.options.random() * cap)));
    }
    return true;
  }

  /** null when the batch was settled; otherwise how long to wait before retrying. */
  private async pushOnce(batch: readonly WireEvent[]): Promise<number | null> {
    let response: Response;
    try {
      response = await this.options.fetch(
        new Request(`${this.options.baseUrl}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events: batch }),
        }),
      );
    } catch {
      return 0;
    }
    if (RETRYABLE.has(response.status)) {
      const retryAfter = Number(response.headers.get('retry-after') ?? '0');
      return Number.isFinite(retryAfter) ? retryAfter * 1000 : 0;
    }
    const body = pushResponseSchema.safeParse(await response.json());
    if (!body.success) throw new Error(`unexpected push answer ${response.status}`);
    const rejected = new Map(body.data.rejected.map((r) => [r.id, r.reason]));
    for (const e of batch) {
      const reason = rejected.get(e.id);
      if (reason !== undefined) this.quarantined.set(e.id, reason);
      this.pending.delete(e.id);
    }
    return null;
  }
}
