// `npm run test:e2e`: builds the e2e variant of the extension, then runs the end-to-end tests in
// Chromium (extra arguments go to Vitest, e.g. `npm run test:e2e -- tests/e2e/panel.e2e.ts`).
import { spawnSync } from 'node:child_process';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('node', ['scripts/build-e2e.mjs']);
run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
