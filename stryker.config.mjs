// Mutation testing (StrykerJS 9.6.1 + its vitest runner; 10.x needs Node 22). Run it with `npm run mutate`
// (scripts/mutate.mjs), which also prints the score per folder. Not part of `npm test`: too slow for CI.
// MUTATE_RUN names a run (scripts/mutate.mjs --name): its own reports and sandbox, so two runs never mix.
const run = process.env.MUTATE_RUN || 'mutation';

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
  jsonReporter: { fileName: `reports/mutation/${run}.json` },
  htmlReporter: { fileName: `reports/mutation/${run}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  // `npm run mutate -- --incremental` reruns only mutants whose code or covering tests changed.
  incrementalFile: `reports/mutation/${run}.incremental.json`,
  tempDirName: `.stryker-tmp/${run}`,
  cleanTempDir: true,
};
