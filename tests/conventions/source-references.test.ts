import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Code comments must point at what a newcomer can open: docs/ inside the repo, or the feature by
// name. Documents outside the repository and internal issue numbers mean nothing to them.
const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['lib', 'components', 'entrypoints', 'server'];
const OUTSIDE_REFERENCE = /PRODUCT\.md|DESIGN\.md|RESEARCH\.md|\bissue [0-9]+/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js|css)$/.test(name) ? [path] : [];
  });
}

describe('source references', () => {
  const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('no source file points at a document outside the repository or an issue number', () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (OUTSIDE_REFERENCE.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
