import { defineConfig } from 'vitest/config';

// Real-browser tests of the built extension (dist/chrome) in Debian's Chromium: one browser at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './tests/setup/plain-count-reporter.ts'],
    testTimeout: 60_000,
    // A real browser on a shared 2-core machine: a test that fails is run once more before it counts
    // as failed (both runs are printed). Hooks are not retried, so setup steps recover on their own.
    retry: 1,
    hookTimeout: 60_000,
  },
});
