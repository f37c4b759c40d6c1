import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Db } from '../../server/db/connect';

/**
 * The real server in its own process (as deployed), on 127.0.0.1 only, against the same
 * database the benchmark opened: the load generator gets the other core.
 */
export async function startServer(name: 'sqlite' | 'postgres', db: Db, dataDir: string): Promise<{ port: number; pid: number; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LEADPACE_DATA: dataDir };
  delete env.DATABASE_URL;
  if (name === 'postgres') {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.searchParams.set('options', `-c search_path=${db.schema ?? 'public'}`);
    env.DATABASE_URL = url.toString();
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.includes('"listening"'));
      if (line) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve((JSON.parse(line) as { port: number }).port);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    port,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
