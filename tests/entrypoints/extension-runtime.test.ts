import { describe, expect, it } from 'vitest';
import { extensionRuntime } from '@/entrypoints/crm-detector/extension-runtime';

const runtime = (id: unknown) => ({ id, sendMessage: () => Promise.resolve() });

describe('extensionRuntime', () => {
  it.each([
    ['Chrome: chrome.runtime with an id', { chrome: { runtime: runtime('abc') } }, 'abc'],
    ['Firefox: browser.runtime wins over chrome', { browser: { runtime: runtime('ff') }, chrome: { runtime: runtime('cr') } }, 'ff'],
    ['a page-defined browser without a runtime id falls back to chrome', { browser: { runtime: {} }, chrome: { runtime: runtime('cr') } }, 'cr'],
    ['extension updated or removed: runtime without id', { chrome: { runtime: runtime(undefined) } }, undefined],
    ['no extension API at all', {}, undefined],
    ['chrome without runtime', { chrome: {} }, undefined],
  ])('%s', (_, scope, id) => {
    expect(extensionRuntime(scope)?.id).toBe(id);
  });
});
