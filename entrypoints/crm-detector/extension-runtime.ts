type Runtime = typeof import('wxt/browser').browser.runtime;

/**
 * The extension runtime, looked up only when the detector has something to ask. Importing
 * `wxt/browser` reads `chrome` at module evaluation, and the first read of `chrome` in a content
 * script's isolated world builds the extension API bindings, which costs a non-lead page more than
 * the rest of the detector together. Same choice as wxt/browser: Firefox's `browser` when it is
 * a live extension object, Chrome's `chrome` otherwise. Undefined once the extension was updated or
 * removed (this copy then has no runtime).
 */
export function extensionRuntime(scope: object = globalThis): Runtime | undefined {
  for (const name of ['browser', 'chrome']) {
    const api: unknown = Reflect.get(scope, name);
    if (typeof api !== 'object' || api === null) continue;
    const runtime: unknown = Reflect.get(api, 'runtime');
    if (typeof runtime === 'object' && runtime !== null && typeof Reflect.get(runtime, 'id') === 'string') {
      return runtime as Runtime;
    }
  }
  return undefined;
}
