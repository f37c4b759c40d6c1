/**
 * One rep's pushes take turns in this process before they ask the pool for a connection (the
 * ingest keys them by team and member). The member row lock already orders them in the
 * database, but a push waiting on a lock holds a pooled connection while it waits: a rep
 * syncing from several tabs at once must not hold every connection and starve the other
 * requests. The lock stays, for a second server process and the admin CLI.
 */
export class TeamTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The last in line clears the entry, so idle teams cost no memory.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }

  /** Teams with a push running or waiting (for tests). */
  get busy(): number {
    return this.tails.size;
  }
}
