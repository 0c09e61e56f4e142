// `npm run mutate [-- FOLDER ... | --stryker-flags]`: StrykerJS over the folders in stryker.config.mjs
// (or only the folders given), then the mutation score per folder. Not part of `npm test` (minutes, not seconds).
// Examples: `npm run mutate -- src/messaging src/core/policy`, `npm run mutate -- --incremental`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const folders = args.filter((arg) => !arg.startsWith('-') && existsSync(join(root, arg)));
const flags = args.filter((arg) => !folders.includes(arg));
const mutate = folders.length > 0 ? ['--mutate', folders.map((folder) => `${folder.replace(/\/$/, '')}/**/*.ts`).join(',')] : [];

const stryker = spawnSync(join(root, 'node_modules/.bin/stryker'), ['run', ...mutate, ...flags], { cwd: root, stdio: 'inherit' });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const summary = spawnSync(process.execPath, ['scripts/mutation-summary.mjs'], { cwd: root, stdio: 'inherit' });
process.exit(summary.status ?? 1);
