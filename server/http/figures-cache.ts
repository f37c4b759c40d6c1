/**
 * The last few computations of team figures, keyed by everything they depend on (the team's
 * commits, roster and settings, the window), so a team's members asking for the same period
 * share one computation; visibility is still applied per viewer by the caller. Least recently
 * used entries go first.
 */
export class FiguresCache<V> {
  private readonly entries = new Map<string, Promise<V>>();
  constructor(private readonly max: number) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    // A failed computation is not remembered: the next request tries again.
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
