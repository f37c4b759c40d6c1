// `npm test`: typecheck, lint, unit + server tests, the builds, then the end-to-end tests in
// Chromium. Every step runs even when an earlier one failed, so one run shows everything;
// the last line is the total taken from the test runners' own JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const RESULTS = resolve('.test-results');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const failures = [];

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failures.push(name);
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s`);
}

const vitestJson = (file) => ['--reporter=default', '--reporter=json', `--outputFile.json=${resolve(RESULTS, file)}`];

if (!process.env.TEST_DATABASE_URL) {
  console.log('Note: TEST_DATABASE_URL is not set, so the PostgreSQL server suite is skipped (SQLite runs).');
}

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
step('unit and server tests', 'npx', ['vitest', 'run', ...vitestJson('unit.json')]);
step('build (Chrome)', 'npx', ['wxt', 'build']);
step('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
step('build (e2e)', 'node', ['scripts/build-e2e.mjs']);
step('end-to-end tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...vitestJson('e2e.json')]);

let passed = 0;
let failed = 0;
for (const [suite, file] of [['unit+server', 'unit.json'], ['e2e', 'e2e.json']]) {
  const path = resolve(RESULTS, file);
  if (!existsSync(path)) {
    console.log(`${suite}: no report (the runner did not finish)`);
    failures.push(`${suite} report`);
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  console.log(`${suite}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
}
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(resolve(RESULTS, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(failures.length || failed ? 1 : 0);
