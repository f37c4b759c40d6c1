import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLeadpaceDb } from '@/lib/db/schema';
import { logAttempt, recordLeadSeen } from '@/lib/db/writes';
import { runSync, type SyncDeps } from '@/lib/sync/client';
import { connect } from '@/lib/sync/connection';
import type { FetchLike } from '@/lib/sync/http';
import { openDb } from '@/server/db/connect';
import { PushClient } from '@/server/testing/push-client';
import { seededRandom } from '@/server/testing/random';
import { legacyKeyFingerprint } from '@/server/db/migrations-006-client-team-key';
import { addMember, createTeam } from '@/server/sql/tenancy';
import { seen } from './events';
import { HOUR } from './harness';

// The real `npm run server`, in its own process group, stopped the way systemd, Docker or a
// Ctrl-C stop it: SIGTERM / SIGINT to the whole group.

interface Running {
  child: ChildProcess;
  lines: string[];
  exited: Promise<void>;
  waitFor(msg: string, timeoutMs?: number): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const started: Running[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function startServer(dataDir: string, port: number, extraEnv: Record<string, string> = {}): Running {
  const child = spawn('npm', ['run', '--silent', 'server'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LEADPACE_DATA: dataDir, DATABASE_URL: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { msg: string; done: () => void }[] = [];
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString();
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      lines.push(line);
      for (const w of waiters) if (line.includes(`"msg":"${w.msg}"`)) w.done();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  // stdout closes when the last process holding it (the server itself, not npm) is gone.
  const exited = new Promise<void>((resolveExit) => child.stdout?.on('close', () => resolveExit()));
  const running: Running = {
    child,
    lines,
    exited,
    waitFor: (msg, timeoutMs = 60_000) =>
      new Promise<void>((resolveWait, reject) => {
        if (lines.some((line) => line.includes(`"msg":"${msg}"`))) return resolveWait();
        const timer = setTimeout(() => reject(new Error(`no "${msg}" within ${timeoutMs} ms:\n${lines.join('\n')}`)), timeoutMs);
        waiters.push({ msg, done: () => (clearTimeout(timer), resolveWait()) });
      }),
  };
  started.push(running);
  return running;
}

const signalGroup = (running: Running, signal: NodeJS.Signals) => {
  if (running.child.pid === undefined) throw new Error('not started');
  process.kill(-running.child.pid, signal);
};

/** What the extension connects with: the token, then the team key after #. */
const invitations = new Map<string, string>();

async function seedDb(dataDir: string): Promise<string> {
  const db = await openDb({ engine: 'sqlite', file: join(dataDir, 'leadpace.db') });
  // The team key is the browsers'; the rep's invitation carries it after #.
  const teamKey = randomBytes(32).toString('base64url');
  const team = await createTeam(db, { name: 'Shutdown', visibility: 'named', keyFingerprint: legacyKeyFingerprint(teamKey) });
  const rep = await addMember(db, { teamId: team.teamId, name: 'Rep', role: 'rep' });
  await db.close();
  invitations.set(rep.token, `${rep.token}#${teamKey}`);
  return rep.token;
}

async function storedIds(dataDir: string): Promise<string[]> {
  const db = await openDb({ engine: 'sqlite', file: join(dataDir, 'leadpace.db') });
  const rows = await db.kysely.selectFrom('events').select('id').execute();
  await db.close();
  return rows.map((r) => r.id);
}

/** A request whose body arrives in two halves, with `between` run in the middle. */
function slowBody(request: Request, text: string, between: () => Promise<void>): Request {
  const bytes = new TextEncoder().encode(text);
  const half = Math.floor(bytes.length / 2);
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(bytes.slice(0, half));
      await between();
      controller.enqueue(bytes.slice(half));
      controller.close();
    },
  });
  return new Request(request.url, { method: request.method, headers: request.headers, body, duplex: 'half' } as RequestInit);
}

afterEach(() => {
  for (const running of started.splice(0)) {
    try {
      if (running.child.pid !== undefined) process.kill(-running.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

describe('graceful shutdown of npm run server', () => {
  it('a SIGTERM mid-push finishes that push, logs shutting down / stopped, and the client retries into exactly one stored copy', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leadpace-shutdown-'));
    try {
      const token = await seedDb(dataDir);
      const port = await freePort();
      const first = startServer(dataDir, port);
      await first.waitFor('listening');

      const events = Array.from({ length: 1200 }, (_, i) => seen(`lead-${i}`, Date.now() - HOUR));
      let requests = 0;
      let signalled = false;
      let interrupted: Response | null = null;
      let second: Running | null = null;
      const client = new PushClient({
        baseUrl: `http://127.0.0.1:${port}`,
        token,
        random: seededRandom(3),
        batchSize: 200,
        baseDelayMs: 20,
        maxDelayMs: 200,
        fetch: async (request) => {
          requests += 1;
          if (requests === 3) {
            const text = await request.text();
            // Half the body is on the wire when the signal lands: the push is in flight.
            const res = await fetch(
              slowBody(request, text, async () => {
                // Long enough for the server to have read the headers: from then on the
                // request is in flight, not a connection still being set up.
                await new Promise((r) => setTimeout(r, 700));
                signalGroup(first, 'SIGTERM');
                signalled = true;
                await first.waitFor('shutting down');
              }),
            );
            interrupted = res.clone();
            return res;
          }
          if (signalled && !second) {
            await first.exited;
            second = startServer(dataDir, port);
            // The client keeps retrying against nothing until the new process listens.
          }
          return fetch(request);
        },
      });
      client.enqueue(events);
      expect(await client.run()).toBe(true);

      expect(interrupted).not.toBeNull();
      expect((interrupted as Response | null)?.status).toBe(200);
      await first.exited;
      // npm may add lines of its own on stderr; the server's are the JSON ones.
      const msgs = first.lines.filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(msgs).toContain('shutting down');
      expect(msgs.at(-1)).toBe('stopped');
      expect(msgs.indexOf('stopped')).toBeGreaterThan(msgs.lastIndexOf('request'));
      expect(client.quarantined.size).toBe(0);

      const runningSecond = second as Running | null;
      if (!runningSecond) throw new Error('the server was never restarted');
      signalGroup(runningSecond, 'SIGINT');
      await runningSecond.exited;
      expect(runningSecond.lines.filter((line) => line.startsWith('{')).at(-1)).toContain('"msg":"stopped"');
      const stored = await storedIds(dataDir);
      expect(stored).toHaveLength(events.length);
      expect(new Set(stored)).toEqual(new Set(events.map((e) => e.id)));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it("the extension's own sync client, stopped mid-push by a SIGTERM, retries into exactly one stored copy", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leadpace-shutdown-'));
    const browser = openLeadpaceDb(`shutdown-${crypto.randomUUID()}`);
    try {
      const token = await seedDb(dataDir);
      const port = await freePort();
      const serverUrl = `http://127.0.0.1:${port}`;
      const first = startServer(dataDir, port);
      await first.waitFor('listening');

      const now = Date.now();
      for (let i = 0; i < 150; i++) {
        const key = `demo:S-${i}`;
        await recordLeadSeen(browser, { crm: 'demo', leadId: `S-${i}`, url: `http://demo.localhost/leads/S-${i}`, missing: [], name: `Klant ${i}` }, { repId: 'r', now: now - HOUR });
        await logAttempt(browser, key, { channel: 'call', outcome: 'no_answer' }, { repId: 'r', now: now - HOUR + 60_000 });
      }
      const local = await browser.events.toArray();
      expect(local.length).toBeGreaterThanOrEqual(300);

      let pushes = 0;
      let interrupted: number | null = null;
      let second: Running | null = null;
      const realFetch: FetchLike = (url, init) => fetch(url, init);
      const faultyFetch: FetchLike = async (url, init) => {
        const isPush = init.method === 'POST' && url.endsWith('/v1/events');
        if (isPush) pushes += 1;
        if (isPush && pushes === 3 && typeof init.body === 'string') {
          const res = await fetch(
            slowBody(new Request(url, init), init.body, async () => {
              await new Promise((r) => setTimeout(r, 700));
              signalGroup(first, 'SIGTERM');
              await first.waitFor('shutting down');
            }),
          );
          interrupted = res.status;
          return res;
        }
        if (interrupted !== null && !second) {
          await first.exited;
          second = startServer(dataDir, port);
        }
        return realFetch(url, init);
      };
      const conn = await connect({ fetch: realFetch, now: Date.now }, { serverUrl, secret: invitations.get(token) ?? token });
      const deps: SyncDeps = {
        db: browser,
        fetch: faultyFetch,
        now: Date.now,
        random: () => 0.5,
        connection: () => Promise.resolve(conn),
        repId: () => Promise.resolve('r'),
        batchSize: 50,
        baseDelayMs: 50,
        maxDelayMs: 400,
      };
      const outcomes: string[] = [];
      for (let run = 0; run < 300; run++) {
        const outcome = await runSync(deps);
        outcomes.push(outcome.status);
        const pending = await browser.events.where('sync').equals('pending').count();
        if (outcome.status === 'ok' && pending === 0) break;
        expect(outcome.status).not.toBe('blocked');
        const wait = outcome.status === 'waiting' || outcome.status === 'retrying' ? outcome.nextAttemptAt - Date.now() : 0;
        await new Promise((r) => setTimeout(r, Math.max(10, Math.min(wait, 500))));
      }
      expect(interrupted).toBe(200);
      expect(outcomes).toContain('retrying');
      expect(outcomes.at(-1)).toBe('ok');
      expect(await browser.events.where('sync').equals('sent').count()).toBe(local.length);
      await first.exited;
      expect(first.lines.filter((line) => line.startsWith('{')).at(-1)).toContain('"msg":"stopped"');

      const runningSecond = second as Running | null;
      if (!runningSecond) throw new Error('the server was never restarted');
      signalGroup(runningSecond, 'SIGTERM');
      await runningSecond.exited;
      const stored = await storedIds(dataDir);
      expect(stored).toHaveLength(local.length);
      expect(new Set(stored)).toEqual(new Set(local.map((e) => e.id)));
    } finally {
      browser.close();
      await browser.delete();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('a second signal exits at once, and a request that never ends is cut off after the grace period', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leadpace-shutdown-'));
    try {
      const token = await seedDb(dataDir);
      for (const mode of ['second-signal', 'grace'] as const) {
        const port = await freePort();
        const running = startServer(dataDir, port, { LEADPACE_SHUTDOWN_GRACE_MS: mode === 'grace' ? '1500' : '60000' });
        await running.waitFor('listening');
        // A push whose body never completes keeps the drain waiting.
        const hang = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"events":['));
          },
        });
        const pending = fetch(`http://127.0.0.1:${port}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: hang,
          duplex: 'half',
        } as RequestInit).catch((error: unknown) => error);
        await new Promise((r) => setTimeout(r, 700));
        const signalledAt = Date.now();
        signalGroup(running, 'SIGTERM');
        await running.waitFor('shutting down');
        if (mode === 'second-signal') signalGroup(running, 'SIGTERM');
        await running.exited;
        const took = Date.now() - signalledAt;
        await pending;
        const last = running.lines.filter((line) => line.startsWith('{')).at(-1) ?? '';
        if (mode === 'second-signal') {
          expect(last).toContain('"msg":"second signal, exiting now"');
          expect(took).toBeLessThan(10_000);
        } else {
          expect(last).toContain('"msg":"forced exit: requests still open after the grace period"');
          expect(took).toBeGreaterThanOrEqual(1400);
        }
        expect(running.lines.join('\n')).not.toContain('"msg":"stopped"');
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
