/**
 * The architecture as data: which folder is which layer, and what each may import or use.
 * Shells are the entry points the browser loads (background, content, popup, options, cli, and any new
 * top-level folder of src/ not declared shared); shared layers are what shells may build on.
 */
import type { FileFacts } from './scan';

/** Code shells may share. A new shared folder must be declared here (src/ui: UI shared by extension pages). */
export const SHARED_LAYERS = ['core', 'messaging', 'adapters', 'ui'] as const;

/** Packages the pure core may use: pure computation only. Add one here deliberately, never by accident. */
export const CORE_PACKAGES = ['valibot', 'punycode', 'psl', 'protobufjs', 'otplib', 'jsqr'];

/**
 * Globals the core must not touch: the browser's and the host's APIs, the DOM of the running page (a
 * DOM the caller passes in is fine), and the clock and randomness (passed in through core/ports.ts).
 * Pure standard helpers (TextEncoder, URL, atob, console…) stay allowed.
 */
export const CORE_BANNED_GLOBALS = [
  'chrome', 'browser', 'globalThis', 'self', 'window', 'document', 'navigator', 'location', 'history',
  'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'requestIdleCallback',
  'performance', 'crypto', 'process', 'Buffer', 'require',
  'getComputedStyle', 'MutationObserver', 'IntersectionObserver', 'ResizeObserver', 'alert', 'confirm', 'prompt',
  // DOM classes as values (`instanceof HTMLInputElement`) are the running realm's, not the passed-in DOM's.
  'Node', 'Element', 'HTMLElement', 'HTMLInputElement', 'HTMLFormElement', 'Document', 'ShadowRoot', 'Event',
  'KeyboardEvent', 'InputEvent', 'CustomEvent', 'DOMParser', 'Image', 'HTMLCanvasElement', 'OffscreenCanvas',
];

/** Hidden clock and randomness (the core gets Clock and RandomSource from ports.ts). */
export const CORE_BANNED_MEMBERS = ['Date.now', 'new Date()', 'Date()', 'Math.random', 'crypto.getRandomValues', 'crypto.randomUUID', 'performance.now'];

/** Views render and call the client; only their shell entry (main.tsx) and services touch the browser. */
export const BROWSER_GLOBALS = ['chrome', 'browser'];
export const BROWSER_MEMBERS = ['globalThis', 'window', 'self'].flatMap((root) => BROWSER_GLOBALS.map((api) => `${root}.${api}`));
export const BROWSER_PACKAGES = ['webextension-polyfill'];

/**
 * Known cross-shell imports, each with its reason. The test fails on any other, and on an entry here
 * that is no longer used (so the list only shrinks).
 */
export const KNOWN_CROSS_SHELL: { from: string; to: string; reason: string }[] = [
  ...[
    'browser-client', 'client', 'components/image-source', 'components/new-password', 'components/problem',
    'dom-platform', 'format', 'platform', 'popup.css', 'services', 'views/preview-list', 'views/settings', 'views/vault-gate',
  ].map((module) => ({
    from: 'src/options',
    to: `src/popup/${module}`,
    reason: 'the options page reuses the popup UI (both are extension pages); to move to src/ui (issue 10 follow-up)',
  })),
];

export type Layer = { kind: 'shared'; name: string } | { kind: 'shell'; name: string } | { kind: 'outside' };

export function layerOf(path: string): Layer {
  const match = /^src\/([^/]+)\//.exec(path);
  if (!match?.[1]) return { kind: 'outside' };
  const name = match[1];
  return (SHARED_LAYERS as readonly string[]).includes(name) ? { kind: 'shared', name } : { kind: 'shell', name };
}

/** A view: any .tsx but a shell's entry (main.tsx), and everything under a views/ or components/ folder. */
export const isView = (file: string): boolean =>
  /^src\/[^/]+\/(.+\/)?(views|components)\//.test(file) || (file.endsWith('.tsx') && !file.endsWith('/main.tsx'));

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);

export interface Violation {
  rule: string;
  file: string;
  line: number;
  what: string;
}

export interface Rule {
  id: string;
  why: string;
  appliesTo(file: string): boolean;
  check(facts: FileFacts): Omit<Violation, 'rule' | 'file'>[];
}

export const RULES: Rule[] = [
  {
    id: 'core-imports',
    why: 'src/core imports only src/core and pure packages',
    appliesTo: (file) => file.startsWith('src/core/'),
    check: (facts) =>
      facts.imports
        .filter((item) => (item.resolved ? !item.resolved.startsWith('src/core/') : !CORE_PACKAGES.includes(packageName(item.specifier))))
        .map((item) => ({ line: item.line, what: `imports ${item.specifier}` })),
  },
  {
    id: 'core-globals',
    why: 'src/core uses no browser, DOM or host global, and no hidden clock or randomness',
    appliesTo: (file) => file.startsWith('src/core/'),
    check: (facts) => [
      ...facts.globals.filter((use) => CORE_BANNED_GLOBALS.includes(use.name)).map((use) => ({ line: use.line, what: `uses ${use.name}` })),
      ...facts.members.filter((use) => CORE_BANNED_MEMBERS.includes(use.name)).map((use) => ({ line: use.line, what: `calls ${use.name}` })),
    ],
  },
  {
    id: 'views-no-browser',
    why: 'views never touch chrome.* / browser.*: they get a client and services',
    appliesTo: isView,
    check: (facts) => [
      ...facts.imports.filter((item) => BROWSER_PACKAGES.includes(item.specifier)).map((item) => ({ line: item.line, what: `imports ${item.specifier}` })),
      ...facts.globals.filter((use) => BROWSER_GLOBALS.includes(use.name)).map((use) => ({ line: use.line, what: `uses ${use.name}` })),
      ...facts.members.filter((use) => BROWSER_MEMBERS.includes(use.name)).map((use) => ({ line: use.line, what: `uses ${use.name}` })),
    ],
  },
  {
    id: 'shared-no-shell',
    why: 'shared layers (core, messaging, adapters, ui) never import a shell',
    appliesTo: (file) => layerOf(file).kind === 'shared',
    check: (facts) =>
      facts.imports
        .filter((item) => item.resolved !== null && layerOf(`${item.resolved}/`).kind === 'shell')
        .map((item) => ({ line: item.line, what: `imports ${item.resolved}` })),
  },
  {
    id: 'shell-no-other-shell',
    why: 'a shell imports only itself and shared layers; shared code moves down, not sideways',
    appliesTo: (file) => layerOf(file).kind === 'shell',
    check: (facts) => {
      const own = layerOf(facts.file);
      return facts.imports
        .filter((item) => {
          if (item.resolved === null) return false;
          const target = layerOf(`${item.resolved}/`);
          return target.kind === 'shell' && own.kind === 'shell' && target.name !== own.name;
        })
        .filter((item) => !KNOWN_CROSS_SHELL.some((known) => facts.file.startsWith(`${known.from}/`) && item.resolved === known.to))
        .map((item) => ({ line: item.line, what: `imports ${item.resolved}` }));
    },
  },
];

export function violations(facts: FileFacts, rules: Rule[] = RULES): Violation[] {
  return rules
    .filter((rule) => rule.appliesTo(facts.file))
    .flatMap((rule) => rule.check(facts).map((found) => ({ rule: rule.id, file: facts.file, ...found })));
}
