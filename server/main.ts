import { serve } from '@hono/node-server';
import { createApp } from './app';
import { runCli } from './cli';
import { configFromEnv } from './config';
import { openDb } from './db/connect';
import { jsonLogger } from './log';

/**
 * `npm run server` serves; `npm run server -- team create …` runs the admin CLI against the
 * same database (so the commands work without a second script).
 */
async function main(argv: readonly string[]): Promise<number> {
  const config = configFromEnv();
  if (argv.length > 0 && !(argv.length === 1 && argv[0] === 'serve')) {
    return runCli(argv, config.db);
  }

  const log = jsonLogger();
  const db = await openDb(config.db);
  const app = createApp({ db, log });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('listening', { port: info.port, engine: db.engine, ...(config.db.engine === 'sqlite' ? { file: config.db.file } : {}) });
  });

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info('shutting down', { signal });
      // Stop accepting, let in-flight requests finish, then close the database; a hung
      // connection must not keep the process alive forever.
      const force = setTimeout(() => {
        log.warn('forced exit after 10 s');
        resolveExit(1);
      }, 10_000);
      force.unref();
      server.close(() => {
        db.close()
          .then(() => {
            log.info('stopped');
            resolveExit(0);
          })
          .catch((error: unknown) => {
            log.error('close failed', { error: String(error) });
            resolveExit(1);
          });
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'fatal', error: String(error) })}\n`);
    process.exit(1);
  });
