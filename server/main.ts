import { serve } from '@hono/node-server';
import { createApp } from './app';
import { runCli } from './cli';
import { configFromEnv } from './config';
import { openDb } from './db/connect';
import { jsonLogger } from './log';
import { startRetentionJob } from './retention-job';

/**
 * `npm run server` serves; `npm run server -- team create …` runs the admin CLI against the
 * same database (so the admin commands need no second script).
 *
 * The script runs this file with `node --import tsx`, so this process is the one that gets
 * SIGTERM / SIGINT (systemd, Docker, Ctrl-C): tsx's own wrapper would kill it mid-request.
 */
async function main(argv: readonly string[]): Promise<number> {
  const config = configFromEnv();
  if (argv.length > 0 && !(argv.length === 1 && argv[0] === 'serve')) {
    return runCli(argv, config.db);
  }

  const log = jsonLogger();
  const db = await openDb(config.db);
  const app = createApp({ db, log, trustedProxies: config.trustedProxies });
  // Started once listening, so the first log line is always `listening`.
  let stopRetention = (): void => {};
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('listening', {
      port: info.port,
      engine: db.engine,
      ...(config.db.engine === 'sqlite' ? { file: config.db.file } : {}),
      ...(config.trustedProxies.length > 0 ? { trustedProxies: config.trustedProxies } : {}),
    });
    stopRetention = startRetentionJob(db, log);
  });

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        // Whoever sends a second signal wants out now, not after the drain.
        log.warn('second signal, exiting now', { signal });
        resolveExit(1);
        return;
      }
      stopping = true;
      stopRetention();
      log.info('shutting down', { signal, graceMs: config.shutdownGraceMs });
      // Stop accepting, let in-flight requests finish (idle keep-alive connections close at
      // once), then close the database; a hung connection must not keep us alive forever.
      const force = setTimeout(() => {
        log.warn('forced exit: requests still open after the grace period', { graceMs: config.shutdownGraceMs });
        if ('closeAllConnections' in server) server.closeAllConnections();
        resolveExit(1);
      }, config.shutdownGraceMs);
      force.unref();
      server.close(() => {
        db.close()
          .then(() => {
            clearTimeout(force);
            log.info('stopped');
            resolveExit(0);
          })
          .catch((error: unknown) => {
            log.error('close failed', { error: String(error) });
            resolveExit(1);
          });
      });
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'fatal', error: String(error) })}\n`);
    process.exit(1);
  });
