// The source package for addons.mozilla.org reviewers, who rebuild bundled code from source:
// dist/otp-guard-source-<version>.zip holds what `npm ci && npm run build` needs, the lockfile and BUILD.md.
// scripts/check-source-zip.mjs (a step of `npm test`) rebuilds from it in a clean folder and compares.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Everything the build reads, relative to the repo root (folders are taken whole). */
export const SOURCE_PATHS = [
  'package.json',
  'package-lock.json',
  'manifest.json',
  'vite.config.ts',
  'tsconfig.json',
  'scripts/build.mjs',
  'scripts/source-zip.mjs',
  'scripts/gen-confusables.mjs',
  'scripts/manifest-for.ts',
  'assets',
  'data/unicode',
  'public',
  'src',
];
/** Made by the build itself (scripts/gen-confusables.mjs), so not shipped as source. */
const GENERATED = ['src/core/domain/generated'];
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

function buildNotes(pkg, firefoxFiles) {
  const origin = (file) => {
    if (file === 'manifest.json') return 'manifest.json, turned into the Firefox manifest by scripts/manifest-for.ts';
    if (file === 'service-worker-loader.js') return 'loads the background bundle (src/background/index.ts) from assets/';
    if (file === 'content/engine.js') return 'src/content/engine.ts, bundled by esbuild (scripts/build.mjs)';
    if (file === 'src/content/index.js') return 'src/content/index.ts, bundled by vite + @crxjs/vite-plugin';
    if (file.startsWith('icons/')) return 'assets/icon.svg, rendered to PNG by @resvg/resvg-js (scripts/build.mjs)';
    if (file.startsWith('_locales/')) return `public/${file}, copied as is`;
    if (file.endsWith('.html')) return `${file}, with vite's script and style tags`;
    if (/^assets\/vendor-preact-/.test(file)) return 'preact (node_modules/preact), bundled and minified by vite in a chunk of its own';
    if (file.startsWith('assets/')) return 'a vite/rollup chunk of src/** and the npm packages in package-lock.json';
    return 'copied by the build';
  };
  return [
    `# Building OTP Guard ${pkg.version} from source`,
    '',
    `Requirements: Node.js 20 (${pkg.engines?.node ?? '>=20'}; this package was made with Node ${process.versions.node}) and npm 10 or newer (lockfile v3),`,
    'on Linux, macOS or Windows. No network access is needed after `npm ci`.',
    '',
    '```sh',
    'npm ci',
    'npm run build   # node scripts/build.mjs',
    '```',
    '',
    'The Firefox build is `dist/firefox/` (the uploaded `dist/otp-guard-firefox-' + `${pkg.version}.zip` + '` is that folder, zipped).',
    'vite and esbuild minify the bundles; a rebuild from this package reproduces dist/firefox byte for byte (checked by',
    "the project's `npm test`). No code is generated at run time. `src/core/domain/generated/confusables.ts` is made",
    "during the build from Unicode's `data/unicode/confusables-17.0.0.txt` by `scripts/gen-confusables.mjs`.",
    '',
    '| built file in dist/firefox | made from |',
    '|---|---|',
    ...firefoxFiles.map((file) => `| ${file} | ${origin(file)} |`),
    '',
  ].join('\n');
}

function addTree(files, root, path) {
  const full = join(root, path);
  if (!existsSync(full) || GENERATED.includes(path)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) addTree(files, root, `${path}/${name}`);
  } else {
    files[path] = [readFileSync(full), { mtime: FIXED_TIME }];
  }
}

const listFiles = (dir) => {
  const out = [];
  const walk = (current) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
};

/** The zip's entries (fflate's format): the source files and BUILD.md, with a fixed time so the zip is reproducible. */
export function sourceZipEntries(root, pkg) {
  const files = {};
  for (const path of SOURCE_PATHS) addTree(files, root, path);
  const notes = buildNotes(pkg, listFiles(join(root, 'dist/firefox')));
  files['BUILD.md'] = [Buffer.from(notes, 'utf8'), { mtime: FIXED_TIME }];
  return files;
}
