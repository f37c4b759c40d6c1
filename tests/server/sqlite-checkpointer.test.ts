import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@/server/db/connect';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from '@/server/db/sqlite-checkpointer';

// With background checkpoints the committing connection no longer copies the log back; the
// checkpoint thread must, or the log would grow up to the fallback before anything did.

const ROUNDS = 8;
const ROWS_PER_ROUND = 200;
const ROW = 'x'.repeat(4000);

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function open(): Promise<{ db: Db; file: string }> {
  dir = mkdtempSync(join(tmpdir(), 'leadpace-checkpoint-'));
  const file = join(dir, 'leadpace.db');
  return { db: await openDb({ engine: 'sqlite', file, backgroundCheckpoints: true }), file };
}

function writeRound(db: Db, round: number): void {
  const handle = db.sqlite;
  if (!handle) throw new Error('no SQLite handle');
  const insert = handle.prepare('insert into scratch (round, body) values (?, ?)');
  handle.transaction(() => {
    for (let i = 0; i < ROWS_PER_ROUND; i++) insert.run(round, ROW);
  })();
}

describe('SQLite background checkpoints', () => {
  it('keep the log from growing while commits go on, and leave the commits in the file', async () => {
    const { db, file } = await open();
    db.sqlite?.exec('create table scratch (round integer, body text)');
    expect(db.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    for (let round = 0; round < ROUNDS; round++) {
      writeRound(db, round);
      // Longer than the thread's interval: each round's log is copied back before the next.
      await sleep(300);
    }
    const roundBytes = ROWS_PER_ROUND * ROW.length;
    // Without the thread the log would hold every round (the fallback is far above them).
    expect(statSync(`${file}-wal`).size).toBeLessThan(3 * roundBytes);
    expect(db.sqlite?.prepare('select count(*) as n from scratch').get()).toEqual({ n: ROUNDS * ROWS_PER_ROUND });
    await db.close();
  });

  it('stop with the database, which leaves no log behind and every commit in the file', async () => {
    const { db, file } = await open();
    db.sqlite?.exec('create table scratch (round integer, body text)');
    writeRound(db, 0);
    await db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = await openDb({ engine: 'sqlite', file });
    expect(reopened.sqlite?.prepare('select count(*) as n from scratch').get()).toEqual({ n: ROWS_PER_ROUND });
    await reopened.close();
  });
});
