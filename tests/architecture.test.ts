// The architecture kept by a test (issue 10, item 6): src/core is pure, views never touch the browser,
// shells never import each other. The rules are a table (tests/architecture/rules.ts); the self-tests
// below feed the checker bad files, so this test can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_CROSS_SHELL, RULES, violations } from './architecture/rules';
import { scanSource } from './architecture/scan';

const root = join(import.meta.dirname, '..');

/** Every hand-written source file (generated tables are data, checked by their generator). */
function sourceFiles(dir = join(root, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative(root, path).split('\\').join('/')] : [];
  });
}

const check = (file: string, text: string) => violations(scanSource(file, text)).map((found) => `${found.rule}: ${found.what}`);

describe('architecture', () => {
  const files = sourceFiles();
  const facts = files.map((file) => scanSource(file, readFileSync(join(root, file), 'utf8')));

  it('finds the sources it checks', () => {
    expect(files.filter((file) => file.startsWith('src/core/')).length).toBeGreaterThan(50);
    expect(files.filter((file) => file.startsWith('src/popup/views/')).length).toBeGreaterThan(5);
  });

  it('holds for every file in src', () => {
    const found = facts.flatMap((file) => violations(file)).map((v) => `${v.file}:${v.line} ${v.what} (${v.rule})`);
    expect(found).toEqual([]);
  });

  it('lists no known cross-shell import that is no longer used', () => {
    const used = (known: (typeof KNOWN_CROSS_SHELL)[number]) =>
      facts.some((file) => file.file.startsWith(`${known.from}/`) && file.imports.some((item) => item.resolved === known.to));
    expect(KNOWN_CROSS_SHELL.filter((known) => !used(known)).map((known) => `${known.from} → ${known.to}`)).toEqual([]);
  });

  it('gives every rule a reason', () => {
    for (const rule of RULES) expect(rule.why.length).toBeGreaterThan(10);
  });
});

describe('architecture checker (self-test: each rule catches a bad file)', () => {
  it.each([
    ['src/core/vault/x.ts', "import browser from 'webextension-polyfill';", 'core-imports: imports webextension-polyfill'],
    ['src/core/vault/x.ts', "import { h } from 'preact';", 'core-imports: imports preact'],
    ['src/core/vault/x.ts', "import { readFileSync } from 'node:fs';", 'core-imports: imports node:fs'],
    ['src/core/vault/x.ts', "import { MemoryStorage } from '../../adapters/storage';", 'core-imports: imports ../../adapters/storage'],
    ['src/core/otp/x.ts', "export { ask } from '../../content/runtime';", 'core-imports: imports ../../content/runtime'],
    ['src/core/otp/x.ts', "const load = () => import('../../background/codes');", 'core-imports: imports ../../background/codes'],
    ['src/core/fill/x.ts', 'export const title = () => document.title;', 'core-globals: uses document'],
    ['src/core/fill/x.ts', 'export const isInput = (n: unknown) => n instanceof HTMLInputElement;', 'core-globals: uses HTMLInputElement'],
    ['src/core/domain/x.ts', 'export const go = () => chrome.tabs.query({});', 'core-globals: uses chrome'],
    ['src/core/domain/x.ts', 'export const later = (f: () => void) => setTimeout(f, 1);', 'core-globals: uses setTimeout'],
    ['src/core/domain/x.ts', 'export const store = { read: () => localStorage.getItem("k") };', 'core-globals: uses localStorage'],
    ['src/core/vault/x.ts', 'export const stamp = () => Date.now();', 'core-globals: calls Date.now'],
    ['src/core/vault/x.ts', 'export const stamp = () => new Date().toISOString();', 'core-globals: calls new Date()'],
    ['src/core/vault/x.ts', 'export const roll = () => Math.random();', 'core-globals: calls Math.random'],
    ['src/core/vault/x.ts', 'export const salt = () => crypto.getRandomValues(new Uint8Array(16));', 'core-globals: uses crypto'],
    ['src/popup/views/x.tsx', "import browser from 'webextension-polyfill';", 'views-no-browser: imports webextension-polyfill'],
    ['src/popup/components/x.tsx', 'export const open = () => chrome.tabs.create({});', 'views-no-browser: uses chrome'],
    ['src/options/x-section.tsx', 'export const id = () => browser.runtime.id;', 'views-no-browser: uses browser'],
    ['src/popup/views/x.tsx', 'export const id = () => globalThis.chrome.runtime.id;', 'views-no-browser: uses globalThis.chrome'],
    ['src/messaging/x.ts', "import { start } from '../background/start';", 'shared-no-shell: imports src/background/start'],
    ['src/background/x.ts', "import { formatError } from '../popup/format';", 'shell-no-other-shell: imports src/popup/format'],
    ['src/content/x.ts', "import type { Services } from '../background/services';", 'shell-no-other-shell: imports src/background/services'],
    ['src/warning/main.ts', "import { ask } from '../content/runtime';", 'shell-no-other-shell: imports src/content/runtime'],
    ['src/options/x.ts', "import { ticker } from '../popup/ticker';", 'shell-no-other-shell: imports src/popup/ticker'],
  ])('%s: %s', (file, text, expected) => {
    expect(check(file, text)).toContain(expected);
  });

  it.each([
    ['a DOM type in the core', 'src/core/fill/x.ts', 'export const value = (input: HTMLInputElement): string => input.value;'],
    ['a passed-in document', 'src/core/fill/x.ts', 'export const title = (document: Document) => document.title;'],
    ['a window read from the node', 'src/core/fill/x.ts', 'export const view = (node: Node) => node.ownerDocument?.defaultView?.document;'],
    ['a date from a passed-in clock', 'src/core/vault/x.ts', 'export const at = (clock: { now(): number }) => new Date(clock.now());'],
    ['a property named like a global', 'src/core/vault/x.ts', 'export const o = { document: 1, crypto: 2 };'],
    ['a shared import from a shell', 'src/background/x.ts', "import { verdict } from '../core/domain/guard';"],
    ['a view using the DOM', 'src/popup/views/x.tsx', "export const focus = () => document.getElementById('x')?.focus();"],
    ['a shell entry using the browser', 'src/popup/main.tsx', "import browser from 'webextension-polyfill';"],
  ])('allows %s', (_name, file, text) => {
    expect(check(file, text)).toEqual([]);
  });
});
