import { defineConfig } from 'vitest/config';

// Unit tests that can kill mutants in the folders `npm run mutate` mutates (scripts/mutate.mjs).
// No DOM views, no e2e, no fuzz: Stryker runs this config once per mutant (only the covering tests).
export default defineConfig({
  test: {
    include: [
      'tests/core/vault/**/*.test.ts',
      'tests/core/policy/**/*.test.ts',
      'tests/messaging/**/*.test.ts',
      'tests/background/**/*.test.ts',
      'tests/adapters/**/*.test.ts',
      // The warning-page and held-code handlers (src/background/handlers/warning-*.ts, held-code.ts) are
      // tested next to their pages' stores; without these files their mutants counted as "no coverage".
      'tests/warning/**/*.test.ts',
      'tests/confirm/**/*.test.ts',
    ],
    exclude: ['tests/e2e/**', 'tests/fuzz/**', 'node_modules/**', '.stryker-tmp/**'],
    environment: 'node',
    setupFiles: ['tests/setup/unit.ts'],
    testTimeout: 20_000,
  },
});
