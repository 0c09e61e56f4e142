// Builds the loadable extensions (dist/chrome, dist/firefox), the store zips and the source zip for AMO reviewers.
// Run by `npm run build`; everything happens offline from the repo's own files.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { buildSync } from 'esbuild';
import { zipSync } from 'fflate';
import { sourceZipEntries } from './source-zip.mjs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function step(title, fn) {
  const started = performance.now();
  fn();
  console.log(`build: ${title} (${Math.round(performance.now() - started)} ms)`);
}

step('generated sources', () => {
  if (existsSync(join(root, 'scripts/gen-confusables.mjs'))) {
    execFileSync(process.execPath, [join(root, 'scripts/gen-confusables.mjs')], { stdio: 'inherit' });
  }
});

step('public', () => {
  // public/ (the _locales) goes into both builds beside the rendered icons: vite copies .cache/public whole.
  const out = join(root, '.cache/public');
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'public'), out, { recursive: true });
});

step('icons', () => {
  const svg = readFileSync(join(root, 'assets/icon.svg'));
  const out = join(root, '.cache/public/icons');
  mkdirSync(out, { recursive: true });
  // Chrome's store guidance for the 128 px icon: the artwork in the central 96×96, 16 px of transparent padding
  // around it. The small toolbar sizes keep the artwork edge to edge (padding would only shrink it).
  const padded = svg.toString().replace('viewBox="0 0 128 128"', 'viewBox="-21.333 -21.333 170.667 170.667"');
  if (padded === svg.toString()) throw new Error('assets/icon.svg: expected viewBox="0 0 128 128"');
  for (const size of [16, 32, 48, 128]) {
    const png = new Resvg(size === 128 ? padded : svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    writeFileSync(join(out, `icon-${size}.png`), png);
  }
});

for (const target of ['chrome', 'firefox']) {
  step(`vite build ${target}`, () => {
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, OTP_GUARD_TARGET: target },
    });
  });
  step(`content engine ${target}`, () => {
    // Injected by the background only into verified or lookalike frames: a classic script, one file.
    buildSync({
      entryPoints: [join(root, 'src/content/engine.ts')],
      outfile: join(root, 'dist', target, 'content/engine.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2022',
      charset: 'utf8',
      legalComments: 'none',
    });
  });
  step(`check ${target} manifest`, () => {
    const manifestPath = join(root, 'dist', target, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    // Any web-accessible resource lets every page detect the extension: refuse to ship one.
    if (manifest.web_accessible_resources?.length) {
      throw new Error(`${target}: web_accessible_resources must be empty, got ${JSON.stringify(manifest.web_accessible_resources)}`);
    }
    delete manifest.web_accessible_resources;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  });
}

function filesOf(dir) {
  const files = {};
  const walk = (current) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }];
    }
  };
  walk(dir);
  return files;
}

for (const target of ['chrome', 'firefox']) {
  step(`zip ${target}`, () => {
    const zip = zipSync(filesOf(join(root, 'dist', target)), { level: 9 });
    writeFileSync(join(root, 'dist', `otp-guard-${target}-${pkg.version}.zip`), zip);
  });
}

step('source zip (for AMO review)', () => {
  const zip = zipSync(sourceZipEntries(root, pkg), { level: 9 });
  writeFileSync(join(root, 'dist', `otp-guard-source-${pkg.version}.zip`), zip);
});
