/** Sizes of the built Chrome extension's files, minified and gzipped, against the budgets. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', 'dist', 'chrome');

export const BUDGETS_GZIP = {
  'content script (src/content/index.js)': 8 * 1024,
  'popup first load (html + js + css it loads)': 40 * 1024,
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The files a page loads at first: its html, then its module scripts and their static imports. */
function firstLoad(htmlPath: string): string[] {
  const seen = new Set<string>([htmlPath]);
  const html = readFileSync(htmlPath, 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => join(DIST, (m[1] ?? '').replace(/^\//, '')));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) {
      const code = readFileSync(file, 'utf8');
      // Static imports only: dynamic import() chunks load later, on demand.
      for (const m of code.matchAll(/(?:^|[;}\s])import(?:[^()'"`]*?from)?\s*["']([^"']+)["']/g)) {
        queue.push(join(file, '..', m[1] ?? ''));
      }
    }
  }
  return [...seen];
}

export function runSizeBench(): void {
  if (!existsSync(DIST)) {
    console.log('sizes: dist/chrome is missing — run `npm run build` first');
    return;
  }
  console.log('\n## Built files (dist/chrome), bytes');
  console.log('file'.padEnd(56), 'minified'.padStart(10), 'gzip'.padStart(10));
  for (const file of walk(DIST).filter((f) => /\.(js|css|html|json)$/.test(f)).sort()) {
    console.log(relative(DIST, file).padEnd(56), String(statSync(file).size).padStart(10), String(gz(file)).padStart(10));
  }
  const content = join(DIST, 'src/content/index.js');
  const popupFiles = firstLoad(join(DIST, 'src/popup/index.html'));
  const measured = {
    'content script (src/content/index.js)': gz(content),
    'popup first load (html + js + css it loads)': popupFiles.reduce((sum, f) => sum + gz(f), 0),
  };
  console.log('\n## Budgets (gzip)');
  for (const [name, limit] of Object.entries(BUDGETS_GZIP)) {
    const value = measured[name as keyof typeof measured];
    console.log(`${name}: ${value} B of ${limit} B — ${value <= limit ? 'within budget' : 'OVER BUDGET'}`);
  }
  console.log(`popup first load files: ${popupFiles.map((f) => relative(DIST, f)).join(', ')}`);
}
