import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * SQLite in WAL mode copies the log back into the database file (a checkpoint, with an fsync
 * of each) on the connection whose commit crossed wal_autocheckpoint: for the server that is
 * the one thread every request runs on, which then waits on the disk. About every other
 * 500-event push paid for one; without them a push took 30% less wall time.
 *
 * So the server's checkpoints run on a thread of their own with its own connection: PASSIVE
 * ones, which wait for no reader or writer, every CHECKPOINT_EVERY_MS. The log is then copied
 * back while requests go on, and each new write restarts it from the top once it is. Commits
 * are as durable as before (a commit is durable in the log; a checkpoint only moves it).
 */
const CHECKPOINT_EVERY_MS = 100;

/**
 * Should the thread stop keeping up, the server's own connection checkpoints again once the
 * log holds this many pages (40 MB at 4 KB): the log never grows without bound.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// Plain JavaScript, so the thread needs no TypeScript loader.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = NORMAL');
let timer = null;
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint) or the file went away: the next round tries again.
  }
  timer = setTimeout(checkpoint, workerData.everyMs);
};
checkpoint();
parentPort.once('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the thread and closes its connection. */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver, everyMs: CHECKPOINT_EVERY_MS } });
  // Never what keeps a process alive: the database's close() stops it.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A thread that fails leaves the checkpoints to the fallback; nothing to report upward.
  worker.on('error', () => {});
  return {
    async stop() {
      // Held from here on: an unref'd thread's exit would not keep the process up to see it.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
