import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

// `npm run` must list only scripts that work: every file a script names has to exist, and every
// command it starts has to be a dependency (a script pointing at a deleted file fails here).

const packageSchema = z.object({
  scripts: z.record(z.string(), z.string()),
  dependencies: z.record(z.string(), z.string()),
  devDependencies: z.record(z.string(), z.string()),
});
const pkg = packageSchema.parse(JSON.parse(readFileSync('package.json', 'utf8')));
const installed = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
// The binaries our scripts call, by the package that provides them.
const BIN_PACKAGE: Record<string, string> = { wxt: 'wxt', tsc: 'typescript', eslint: 'eslint', vitest: 'vitest', tsx: 'tsx' };

describe('package.json scripts', () => {
  it.each(Object.entries(pkg.scripts))('%s names files that exist and tools that are installed', (_name, command) => {
    for (const file of command.match(/[\w./-]+\.(?:m?[jt]s|tsx)\b/g) ?? []) {
      expect(existsSync(file), `${command}: ${file}`).toBe(true);
    }
    for (const part of command.split(/&&|\|\|/)) {
      const tool = part.trim().split(/\s+/)[0] ?? '';
      if (tool === 'node' || tool === 'npm') continue;
      const pkgName = BIN_PACKAGE[tool];
      expect(pkgName, `${command}: unknown tool ${tool}`).toBeDefined();
      if (pkgName) expect(installed.has(pkgName), `${command}: ${pkgName} is not a dependency`).toBe(true);
    }
  });
});
