/**
 * A typed function as a page init script. tsx compiles with esbuild's keepNames, which wraps
 * named inner functions in `__name(...)`, a helper that does not exist in the page: define a
 * no-op one around the function's source.
 */
export function initScript(fn: () => void): { content: string } {
  return { content: `(() => { const __name = (f) => f; (${fn.toString()})(); })();` };
}
