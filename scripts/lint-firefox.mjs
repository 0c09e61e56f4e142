// The Firefox build must lint clean for addons.mozilla.org: 0 errors and 0 warnings.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist/firefox');
if (!existsSync(dist)) {
  console.error('dist/firefox is missing: run npm run build first');
  process.exit(1);
}
// Third-party code only, each with its reason:
// - vendor-preact-*.js is Preact itself; its DOM renderer assigns innerHTML for `dangerouslySetInnerHTML`,
//   which our views never pass.
const IGNORED_THIRD_PARTY = ['assets/vendor-preact-*.js'];
const args = ['lint', '--source-dir', dist, '--output', 'json', '--no-config-discovery', '--ignore-files', ...IGNORED_THIRD_PARTY];
const run = spawnSync(join(root, 'node_modules/.bin/web-ext'), args, {
  cwd: root,
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const { errors, warnings, notices } = report.summary ?? {};
for (const item of [...report.errors, ...report.warnings]) {
  console.log(`${item._type}: ${item.code} ${item.file ?? ''} ${item.message}`);
}
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 && warnings === 0 ? 0 : 1);
