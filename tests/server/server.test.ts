import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { NOW, PG_URL, makeApp, postgresEngine, sqliteEngine, type Clock, type SuiteEnv } from './harness';
import { agreementSuite } from './suites/agreement';
import { authSuite } from './suites/auth';
import { badInputSuite } from './suites/bad-input';
import { faultSuite } from './suites/fault';
import { ingestSuite } from './suites/ingest';
import { leaderboardSuite } from './suites/leaderboard';
import { privacySuite } from './suites/privacy';
import { pullSuite } from './suites/pull';
import { reportSuite } from './suites/report';
import { tenancySuite } from './suites/tenancy';

// One suite, two engines: the same tests against a real SQLite file and, when
// TEST_DATABASE_URL is set, a real PostgreSQL (a fresh schema per run). `.ci/postgres.sh`
// starts one locally and prints the URL.
if (!PG_URL) console.log('PostgreSQL suite skipped: TEST_DATABASE_URL not set');

for (const [fixture, enabled] of [
  [sqliteEngine, true],
  [postgresEngine, Boolean(PG_URL)],
] as const) {
  describe.runIf(enabled)(`team server on ${fixture.name}`, () => {
    const clock: Clock = { now: NOW };
    let env: SuiteEnv | undefined;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const opened = await fixture.open();
      env = { engine: fixture.name, db: opened.db, clock, app: makeApp(opened.db, clock) };
      cleanup = opened.cleanup;
    }, 30_000);
    afterAll(async () => {
      await cleanup?.();
    });
    beforeEach(() => {
      clock.now = NOW;
    });

    const ref = (): SuiteEnv => {
      if (!env) throw new Error('database not open');
      return env;
    };
    ingestSuite(ref);
    badInputSuite(ref);
    authSuite(ref);
    tenancySuite(ref);
    leaderboardSuite(ref);
    pullSuite(ref);
    privacySuite(ref);
    faultSuite(ref);
    agreementSuite(ref);
    reportSuite(ref);
  });
}
