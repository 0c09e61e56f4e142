// `npm run mutate [-- FOLDER ... | --name RUN | --stryker-flags]`: StrykerJS over the folders in
// stryker.config.mjs (or only the folders given), then the mutation score per folder.
// Not part of `npm test` (minutes, not seconds). Examples:
//   npm run mutate                                   all five folders (reports/mutation/mutation.json)
//   npm run mutate -- src/messaging src/core/policy  only these (same report unless --name is given)
//   npm run mutate -- src/core/vault --name vault --incremental   rerun only what changed since the last "vault" run
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const nameAt = args.indexOf('--name');
const name = nameAt >= 0 ? args[nameAt + 1] : undefined;
if (nameAt >= 0 && !/^[a-z0-9-]+$/.test(name ?? '')) {
  console.error('--name takes a run name of lower-case letters, digits and dashes');
  process.exit(2);
}
const rest = nameAt >= 0 ? [...args.slice(0, nameAt), ...args.slice(nameAt + 2)] : args;
const folders = rest.filter((arg) => !arg.startsWith('-') && existsSync(join(root, arg)));
const flags = rest.filter((arg) => !folders.includes(arg));
const mutate = folders.length > 0 ? ['--mutate', folders.map((folder) => `${folder.replace(/\/$/, '')}/**/*.ts`).join(',')] : [];
const env = { ...process.env, MUTATE_RUN: name ?? 'mutation' };

const stryker = spawnSync(join(root, 'node_modules/.bin/stryker'), ['run', ...mutate, ...flags], { cwd: root, env, stdio: 'inherit' });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const report = `reports/mutation/${env.MUTATE_RUN}.json`;
const summary = spawnSync(process.execPath, ['scripts/mutation-summary.mjs', report], { cwd: root, stdio: 'inherit' });
process.exit(summary.status ?? 1);
