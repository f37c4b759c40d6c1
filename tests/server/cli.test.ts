import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '@/server/cli';
import { createApp } from '@/server/app';
import { openDb } from '@/server/db/connect';

const dir = mkdtempSync(join(tmpdir(), 'leadpace-cli-'));
const dbConfig = { engine: 'sqlite' as const, file: join(dir, 'leadpace.db') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink(): { stream: { write(text: string): boolean }; text: () => string } {
  let text = '';
  return {
    stream: {
      write(chunk: string) {
        text += chunk;
        return true;
      },
    },
    text: () => text,
  };
}

/** Runs one command with --json; the output must be exactly one JSON object. */
async function cli(...args: string[]): Promise<{ code: number; out: Record<string, unknown> }> {
  const out = sink();
  const err = sink();
  const code = await runCli([...args, '--json'], dbConfig, out.stream, err.stream);
  const lines = out.text().trim().split('\n');
  expect(lines).toHaveLength(1);
  return { code, out: JSON.parse(lines[0] ?? '') as Record<string, unknown> };
}

describe('admin CLI', () => {
  it('creates teams and members, rotates and revokes tokens, issues pairing codes', async () => {
    const team = await cli('team', 'create', '--name', 'Autohuis Noord', '--group', 'Dealer Groep', '--visibility', 'team-only');
    expect(team.code).toBe(0);
    expect(team.out).toMatchObject({ teamId: expect.any(String), visibility: 'team-only' });
    // The team key is made by the manager's browser: the server has none to print.
    expect(team.out).not.toHaveProperty('teamKey');
    const teamId = String(team.out.teamId);

    const member = await cli('member', 'add', '--team', teamId, '--name', 'Alice', '--role', 'rep');
    expect(member.out).toMatchObject({ memberId: expect.any(String), token: expect.stringMatching(/^lp_[A-Za-z0-9_-]{43}$/) });
    const memberId = String(member.out.memberId);

    const db = await openDb(dbConfig);
    try {
      const app = createApp({ db });
      const me = (token: unknown) => app.request('/v1/me', { headers: { authorization: `Bearer ${String(token)}` } });
      expect((await me(member.out.token)).status).toBe(200);
      // Only the hash is stored.
      const stored = await db.kysely.selectFrom('tokens').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(String(member.out.token));

      const rotated = await cli('token', 'rotate', '--member', memberId);
      expect(rotated.out).toMatchObject({ memberId, token: expect.stringMatching(/^lp_/) });
      expect((await me(member.out.token)).status).toBe(401);
      expect((await me(rotated.out.token)).status).toBe(200);

      const pairing = await cli('pair', '--member', memberId);
      expect(pairing.out).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{8}$/), expiresAt: expect.any(String) });

      expect((await cli('team', 'visibility', '--team', teamId, '--mode', 'named')).out).toEqual({ teamId, visibility: 'named' });
      expect((await cli('member', 'remove', '--member', memberId)).out).toEqual({ memberId, removed: true });
      expect((await me(rotated.out.token)).status).toBe(401);
    } finally {
      await db.close();
    }
  });

  it('reports bad commands and options as one JSON error object', async () => {
    expect(await cli('team', 'explode')).toMatchObject({ code: 2, out: { error: 'unknown_command' } });
    expect(await cli('team', 'create', '--name', 'X', '--visibility', 'public')).toMatchObject({ code: 2, out: { error: 'invalid_option' } });
    expect(await cli('member', 'add', '--team', 'nope', '--name', 'X', '--role', 'rep')).toMatchObject({ code: 1, out: { error: 'not_found' } });
    expect(await cli('member', 'add', '--bogus')).toMatchObject({ code: 2, out: { error: 'invalid_option' } });
    expect(await cli('token', 'rotate', '--member', 'ghost')).toMatchObject({ code: 1, out: { error: 'not_found' } });
  });

  it('main.ts dispatches to the CLI with arguments and serves, then shuts down cleanly on SIGTERM', async () => {
    const env = { ...process.env, LEADPACE_DATA: dir, PORT: '0' };
    const run = (args: string[]) =>
      spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { env, cwd: join(import.meta.dirname, '../..') });

    const created = run(['team', 'create', '--name', 'Via main', '--json']);
    let out = '';
    created.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => created.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ teamId: expect.any(String) });

    const server = run([]);
    let log = '';
    const listening = new Promise<void>((resolve) => {
      server.stdout.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('"listening"')) resolve();
      });
    });
    await listening;
    const port = (JSON.parse(log.split('\n')[0] ?? '{}') as { port: number }).port;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ ok: true, engine: 'sqlite' });
    server.kill('SIGTERM');
    const exit = await new Promise<number | null>((resolve) => server.on('close', resolve));
    expect(exit).toBe(0);
    expect(log).toContain('"msg":"stopped"');
  }, 30_000);
});
