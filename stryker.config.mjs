// Mutation testing (StrykerJS 9.6.1 + its vitest runner; 10.x needs Node 22). Run it with `npm run mutate`
// (scripts/mutate.mjs), which also prints the score per folder. Not part of `npm test`: too slow for CI.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // Each mutant runs only the tests that reached it in the first (instrumented) run.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/policy/**/*.ts',
    'src/messaging/**/*.ts',
    'src/background/handlers/**/*.ts',
    'src/background/session/**/*.ts',
    'src/core/vault/**/*.ts',
  ],
  ignorePatterns: ['dist', 'reports', '.stryker-tmp', 'test-results', '.cache', '.tmp', 'tests/e2e'],
  // Two cores shared with other work: one test process. Raise with `npm run mutate -- --concurrency 2`.
  concurrency: 1,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'json', 'html', 'progress-append-only'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
