// The AMO source zip rebuilds the Firefox build: unpack dist/otp-guard-source-<version>.zip into a clean
// folder, build there as BUILD.md says, and compare the result with dist/firefox (and its store zip) byte for byte.
// `npm ci` needs the registry, so the clean folder gets this checkout's node_modules (a symlink) instead:
// the same locked packages, offline, and seconds instead of a minute of CI time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const sourceZip = join(root, 'dist', `otp-guard-source-${pkg.version}.zip`);
const storeZip = `otp-guard-firefox-${pkg.version}.zip`;
if (!existsSync(sourceZip) || !existsSync(join(root, 'dist/firefox'))) {
  console.error('dist/firefox or the source zip is missing: run npm run build first');
  process.exit(1);
}

const filesOf = (dir) => {
  const out = new Map();
  const walk = (current) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
};

const clean = mkdtempSync(join(tmpdir(), 'otp-guard-source-'));
try {
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(sourceZip)))) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(clean, path)), { recursive: true });
    writeFileSync(join(clean, path), bytes);
  }
  symlinkSync(join(root, 'node_modules'), join(clean, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: clean, stdio: ['ignore', 'ignore', 'inherit'] });

  const expected = filesOf(join(root, 'dist/firefox'));
  const rebuilt = filesOf(join(clean, 'dist/firefox'));
  const differences = [];
  for (const path of new Set([...expected.keys(), ...rebuilt.keys()])) {
    const a = expected.get(path);
    const b = rebuilt.get(path);
    if (!a) differences.push(`only in the rebuild: ${path}`);
    else if (!b) differences.push(`missing from the rebuild: ${path}`);
    else if (!a.equals(b)) differences.push(`differs: ${path} (${a.length} vs ${b.length} bytes)`);
  }
  if (!readFileSync(join(root, 'dist', storeZip)).equals(readFileSync(join(clean, 'dist', storeZip)))) {
    differences.push(`differs: ${storeZip}`);
  }
  for (const line of differences) console.log(line);
  console.log(`source zip: ${expected.size} files in dist/firefox, ${differences.length} differences after a rebuild from ${relative(root, sourceZip)}`);
  process.exitCode = differences.length === 0 ? 0 : 1;
} finally {
  rmSync(clean, { recursive: true, force: true });
}
