import { defineConfig } from 'vitest/config';

// The shared real-browser scenarios (tests/e2e/scenarios) and Firefox-only checks in Firefox ESR
// (FIREFOX_PATH picks the binary: /usr/bin/firefox-esr, or ESR 140 unpacked under .cache/). One browser at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/scenarios/**/*.e2e.test.ts', 'tests/e2e/firefox/**/*.firefox.test.ts'],
    environment: 'node',
    env: { OTP_GUARD_E2E_BROWSER: 'firefox' },
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './tests/setup/plain-count-reporter.ts'],
    testTimeout: 60_000,
    // As for Chromium: a real browser on a shared 2-core machine gets one retry per test (both runs are printed).
    retry: 1,
    hookTimeout: 60_000,
  },
});
