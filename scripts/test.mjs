// `npm test`: typecheck, lint, unit tests, build, store lint, source-zip rebuild, real-browser tests (Chromium,
// Firefox ESR current, Firefox ESR 140) — in order, failing on any. Each step prints its time.
// Ends with the plain line "N passed, N failed" (CI reads that line, not vitest's summary).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const countsFile = join(mkdtempSync(join(tmpdir(), 'otp-guard-counts-')), 'counts.jsonl');
const env = { ...process.env, OTP_GUARD_COUNTS: countsFile };
const totals = { passed: 0, failed: 0, skipped: 0 };
const node = process.execPath;
const bin = (name) => join(root, 'node_modules/.bin', name);
// Firefox: Debian's current ESR, and ESR 140 unpacked beside it (README, "Set up"; .ci/run does both).
const FIREFOX_ESR = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_ESR_140 = process.env.FIREFOX_ESR_140_PATH ?? join(root, '.cache/firefox-esr-140/usr/lib/firefox-esr/firefox-esr');
const firefoxSuite = ['run', '--config', 'vitest.firefox.config.ts'];
const ESR_140_FILES = ['scenarios/hostile', 'scenarios/typed-code', 'scenarios/smoke', 'scenarios/vault', 'scenarios/interstitial', 'firefox/console-watch'];

/** A non-vitest step counts as one test: it passed or failed. */
const steps = [
  { name: 'generate sources', cmd: node, args: ['scripts/gen-confusables.mjs'], counted: false, optional: 'scripts/gen-confusables.mjs' },
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint (biome)', cmd: bin('biome'), args: ['check', '.'] },
  { name: 'unit tests', cmd: bin('vitest'), args: ['run', '--config', 'vitest.config.ts'], vitest: true },
  { name: 'build', cmd: node, args: ['scripts/build.mjs'] },
  { name: 'store lint (web-ext, firefox)', cmd: node, args: ['scripts/lint-firefox.mjs'] },
  { name: 'source zip rebuilds dist/firefox', cmd: node, args: ['scripts/check-source-zip.mjs'] },
  { name: 'real-browser tests (Chromium)', cmd: bin('vitest'), args: ['run', '--config', 'vitest.e2e.config.ts'], vitest: true },
  { name: 'real-browser tests (Firefox ESR)', cmd: bin('vitest'), args: firefoxSuite, vitest: true, firefox: FIREFOX_ESR },
  // ESR 140 runs the scenarios where it behaves differently from the current ESR (keys, about:blank documents,
  // the event page, the warning page and the held-code window); fill, accounts, release-chain and carried-over
  // exercise the same engine code as the current ESR, which runs them all. Keeps CI well under its budget.
  { name: 'real-browser tests (Firefox ESR 140)', cmd: bin('vitest'), args: [...firefoxSuite, ...ESR_140_FILES], vitest: true, firefox: FIREFOX_ESR_140 },
];

let failedStep = null;
for (const step of steps) {
  if (step.optional && !existsSync(join(root, step.optional))) continue;
  console.log(`\n=== ${step.name} ===`);
  if (step.firefox && !existsSync(step.firefox)) {
    console.log(`missing ${step.firefox}: install it as the README says (Set up)`);
    totals.failed += 1;
    failedStep = step.name;
    break;
  }
  const before = existsSync(countsFile) ? readFileSync(countsFile, 'utf8') : '';
  const started = performance.now();
  const stepEnv = step.firefox ? { ...env, FIREFOX_PATH: step.firefox } : env;
  const run = spawnSync(step.cmd, step.args, { cwd: root, env: stepEnv, stdio: 'inherit' });
  console.log(`--- ${step.name}: ${Math.round((performance.now() - started) / 1000)} s`);
  const ok = run.status === 0;
  if (step.vitest) {
    const added = (existsSync(countsFile) ? readFileSync(countsFile, 'utf8') : '').slice(before.length);
    const lines = added.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    for (const counts of lines) {
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      totals.skipped += counts.skipped;
    }
    // A vitest run that died before reporting still counts as a failure.
    if (!ok && lines.every((counts) => counts.failed === 0)) totals.failed += 1;
  } else if (step.counted !== false) {
    if (ok) totals.passed += 1;
    else totals.failed += 1;
  }
  if (!ok) {
    failedStep = step.name;
    break;
  }
}
rmSync(countsFile, { force: true });
if (failedStep) console.log(`\nstopped at: ${failedStep}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
