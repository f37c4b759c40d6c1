// Builds the Chrome extension variant for automated tests and the demo: every built-in CRM
// origin (and the fake CRM) is granted at install. Prints the output folder as its last line.
// LEADPACE_E2E_DIR=<name> builds into .output/<name> instead (pair with LEADPACE_EXTENSION_DIR).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const result = spawnSync('npx', ['wxt', 'build'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, LEADPACE_E2E: '1' },
});
if (result.status !== 0) process.exit(result.status ?? 1);
const out = resolve('.output', process.env.LEADPACE_E2E_DIR ?? 'chrome-mv3-e2e');
if (!existsSync(resolve(out, 'manifest.json'))) {
  console.error(`build:e2e: expected a manifest in ${out}`);
  process.exit(1);
}
console.log(out);
