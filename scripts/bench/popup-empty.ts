/**
 * The floor for the popup benchmark: an extension page that loads React and ReactDOM and renders
 * one element, nothing else. Written into the built extension's folder (Chromium reads an
 * unpacked extension's files from disk when they are asked for), so it opens from the same
 * origin, profile and browser as the popup, in the same run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const EMPTY_POPUP_PAGE = 'bench-empty-popup.html';

const ENTRY = `
import { StrictMode, createElement } from 'react';
import { createRoot } from 'react-dom/client';
const root = document.getElementById('root');
if (root) createRoot(root).render(createElement(StrictMode, null, createElement('main', { 'data-testid': 'empty-popup' }, 'Leadpace')));
`;

export async function writeEmptyPopup(extensionDir: string): Promise<void> {
  await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(extensionDir, 'bench-empty-popup.js'),
    logLevel: 'silent',
  });
  writeFileSync(
    join(extensionDir, EMPTY_POPUP_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Leadpace</title></head>' +
      '<body><div id="root"></div><script type="module" src="./bench-empty-popup.js"></script></body></html>',
  );
}
