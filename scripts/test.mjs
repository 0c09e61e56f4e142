// `npm test`: typecheck, lint, unit tests, build, real-browser tests — in order, failing on any.
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

/** A non-vitest step counts as one test: it passed or failed. */
const steps = [
  { name: 'generate sources', cmd: node, args: ['scripts/gen-confusables.mjs'], counted: false, optional: 'scripts/gen-confusables.mjs' },
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint (biome)', cmd: bin('biome'), args: ['check', '.'] },
  { name: 'unit tests', cmd: bin('vitest'), args: ['run', '--config', 'vitest.config.ts'], vitest: true },
  { name: 'build', cmd: node, args: ['scripts/build.mjs'] },
  { name: 'store lint (web-ext, firefox)', cmd: node, args: ['scripts/lint-firefox.mjs'] },
  { name: 'real-browser tests', cmd: bin('vitest'), args: ['run', '--config', 'vitest.e2e.config.ts'], vitest: true },
];

let failedStep = null;
for (const step of steps) {
  if (step.optional && !existsSync(join(root, step.optional))) continue;
  console.log(`\n=== ${step.name} ===`);
  const before = existsSync(countsFile) ? readFileSync(countsFile, 'utf8') : '';
  const run = spawnSync(step.cmd, step.args, { cwd: root, env, stdio: 'inherit' });
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
