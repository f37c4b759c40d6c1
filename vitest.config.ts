import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  define: { __LEADPACE_TEST_HOOKS__: 'false' },
  test: {
    globals: true,
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    restoreMocks: true,
    setupFiles: ['tests/setup.ts'],
    // A fresh install takes its dealer zone from the browser: tests get an Amsterdam "browser"
    // on every machine, so their defaults do not depend on where they run.
    env: { TZ: 'Europe/Amsterdam' },
  },
});
