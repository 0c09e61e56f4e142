// `npm run mutate [-- FOLDER ... | --name RUN | --stryker-flags]`: StrykerJS over the folders in
// stryker.config.mjs (or only the folders given), then the mutation score per folder.
// Not part of `npm test` (minutes, not seconds). Examples:
//   npm run mutate                                   all five folders (reports/mutation/mutation.json)
//   npm run mutate -- src/messaging src/core/policy  only these (same report unless --name is given)
//   npm run mutate -- src/background/handlers/reorder.ts --name recheck   only these files (then scripts/mutation-merge.mjs)
//   npm run mutate -- src/core/vault --name vault --incremental   rerun only what changed since the last "vault" run
//   npm run mutate -- --survivors-of reports/mutation/vault.json --name recheck   rerun, from scratch, only the
//     lines where a mutant survived in that report (Stryker's incremental mode reuses a survivor while the tests
//     that covered it are unchanged, even when a new test would kill it)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const nameAt = args.indexOf('--name');
const name = nameAt >= 0 ? args[nameAt + 1] : undefined;
if (nameAt >= 0 && !/^[a-z0-9-]+$/.test(name ?? '')) {
  console.error('--name takes a run name of lower-case letters, digits and dashes');
  process.exit(2);
}
let rest = nameAt >= 0 ? [...args.slice(0, nameAt), ...args.slice(nameAt + 2)] : args;
const survivorsAt = rest.indexOf('--survivors-of');
const survivorLines = [];
if (survivorsAt >= 0) {
  const report = JSON.parse(readFileSync(rest[survivorsAt + 1] ?? '', 'utf8'));
  for (const [path, file] of Object.entries(report.files)) {
    const name = relative(root, path.startsWith('/') ? path : join(root, path));
    const lines = new Set(file.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').map((m) => m.location.start.line));
    for (const line of lines) survivorLines.push(`${name}:${line}-${line}`);
  }
  rest = [...rest.slice(0, survivorsAt), ...rest.slice(survivorsAt + 2)];
}
const folders = rest.filter((arg) => !arg.startsWith('-') && existsSync(join(root, arg)));
const flags = rest.filter((arg) => !folders.includes(arg));
// A folder means every .ts file under it; a file (src/…/x.ts) means just that file.
const patterns = [...folders.map((path) => (path.endsWith('.ts') ? path : `${path.replace(/\/$/, '')}/**/*.ts`)), ...survivorLines];
const mutate = patterns.length > 0 ? ['--mutate', patterns.join(',')] : [];
const env = { ...process.env, MUTATE_RUN: name ?? 'mutation' };

const stryker = spawnSync(join(root, 'node_modules/.bin/stryker'), ['run', ...mutate, ...flags], { cwd: root, env, stdio: 'inherit' });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const report = `reports/mutation/${env.MUTATE_RUN}.json`;
const summary = spawnSync(process.execPath, ['scripts/mutation-summary.mjs', report], { cwd: root, stdio: 'inherit' });
process.exit(summary.status ?? 1);
