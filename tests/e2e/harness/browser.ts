/**
 * Loads the built extension (dist/chrome) into Debian's Chromium through playwright-core and offers
 * the helpers every real-browser test uses. All traffic stays on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { watchWorkerExceptions } from './cdp-browser';
import { type FixtureServer, startFixtureServer } from './server';

// The worker-side helpers below run inside the extension's service worker, where `chrome` exists.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  windows: { create(options: object): Promise<unknown> };
};

export const DIST_CHROME = join(import.meta.dirname, '..', '..', '..', 'dist', 'chrome');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  context: BrowserContext;
  server: FixtureServer;
  extensionId: string;
  /** Open `https://host/path` (or the given scheme) in a new tab. */
  openAt(url: string): Promise<Page>;
  /** The extension's service worker (waits for it if it was stopped). */
  serviceWorker(): Promise<Worker>;
  /** Stop the service worker through CDP, as the browser does when it is idle. */
  stopServiceWorker(): Promise<void>;
  /**
   * Open the popup for `page` as a user does: `page` comes to the front of its window and gets a real
   * toolbar click (the real popup opens, the tab gets the activeTab grant); then a copy of the popup to
   * drive opens in a window of its own, in front of `page`'s window, so `page` stays the visible tab.
   * The extension is told nothing: its background asks the browser which page is in front.
   * With `page` null, the popup opens in a new tab (or, `inWindow`, a window of its own).
   */
  openPopupFor(page: Page | null, options?: { inWindow?: boolean }): Promise<Page>;
  /**
   * Clicks OTP Guard's toolbar button for `page`'s tab, as a user does (CDP Extensions.triggerAction):
   * the real popup opens and the tab gets the activeTab grant. Tests then drive a popup copy (openPopupFor).
   */
  clickToolbarButton(page: Page): Promise<void>;
  /** The tab id the browser gave `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** What the service worker wrote to its console (for failure messages). */
  workerLogs: string[];
  /** What the worker printed with console.error, and its uncaught errors and unhandled rejections (CDP), in order. */
  workerErrors: string[];
  /** Refusals the background logged (diagnostics in session storage). */
  refusals(): Promise<{ reason: string; type?: string; role: string }[]>;
  close(): Promise<void>;
}

/** `lang`: the browser's UI language (`--lang` and LANGUAGE), which picks the extension's _locales. */
export async function launchHarness(options: { lang?: string } = {}): Promise<Harness> {
  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'otp-guard-e2e-'));
  const resolverRules = [
    'MAP *.google.com ~NOTFOUND',
    'MAP *.googleapis.com ~NOTFOUND',
    'MAP *.gstatic.com ~NOTFOUND',
    `MAP * 127.0.0.1:${server.port}`,
    'EXCLUDE localhost',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang } } : {}),
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      `--disable-extensions-except=${DIST_CHROME}`,
      `--load-extension=${DIST_CHROME}`,
      `--host-resolver-rules=${resolverRules}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-gpu',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForEngagedSites',
      '--remote-debugging-port=0',
      '--enable-unsafe-extension-debugging',
    ],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(firstWorker.url()).host;
  const workerLogs: string[] = [];
  // One append-only list of what counts as a background error: console.error lines, then (below) uncaught ones.
  const workerErrors: string[] = [];
  const listen = (worker: Worker) =>
    worker.on('console', (message) => {
      const line = `${message.type()}: ${message.text()}`.slice(0, 500);
      workerLogs.push(line);
      if (message.type() === 'error') workerErrors.push(line);
    });
  listen(firstWorker);
  context.on('serviceworker', listen);

  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((worker) => worker.url().includes(extensionId));
    if (existing) return existing;
    // A stopped worker starts again on the next event; opening an extension page is one.
    const waiter = context.waitForEvent('serviceworker', { timeout: 15_000 });
    const poke = await context.newPage();
    await poke.goto(`chrome-extension://${extensionId}/src/options/index.html`);
    const worker = await waiter;
    await poke.close();
    return worker;
  };

  // A browser-level CDP connection over the debugging port (cdp-browser.ts): toolbar clicks, and the worker's
  // uncaught errors and unhandled rejections, which playwright-core does not report.
  const [port, path] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n');
  const browserSocket = await watchWorkerExceptions(`ws://127.0.0.1:${port}${path}`, `chrome-extension://${extensionId}/`, (line) =>
    workerErrors.push(line),
  );
  const browserCdp = <T>(method: string, params: object) => browserSocket.send<T>(method, params);

  const harness: Harness = {
    workerLogs,
    workerErrors,
    context,
    server,
    extensionId,
    async openAt(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    serviceWorker,
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      const deadline = Date.now() + 5_000;
      while (context.serviceWorkers().some((w) => w.url().includes(extensionId)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async clickToolbarButton(page) {
      const { targetInfos } = await browserCdp<{ targetInfos: { type: string; url: string; targetId: string }[] }>(
        'Target.getTargets',
        { filter: [{ type: 'tab' }] },
      );
      const tab = targetInfos.filter((target) => target.type === 'tab' && target.url === page.url()).at(-1);
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      // Needs --enable-unsafe-extension-debugging (test browsers only).
      await browserCdp('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    },
    async tabIdOf(page) {
      const worker = await serviceWorker();
      const url = page.url();
      return worker.evaluate(async (target: string) => {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.filter((t) => t.url === target).at(-1);
        if (!tab?.id) throw new Error(`no tab for ${target}`);
        return tab.id;
      }, url);
    },
    async openPopupFor(page, options = {}) {
      const url = `chrome-extension://${extensionId}/src/popup/index.html`;
      if (page) {
        await page.bringToFront();
        await harness.clickToolbarButton(page);
      }
      if (page || options.inWindow) {
        const opened = context.waitForEvent('page', { predicate: (candidate) => candidate.url() === url });
        const worker = await serviceWorker();
        await worker.evaluate((target: string) => chrome.windows.create({ url: target, type: 'popup', width: 420, height: 600 }), url);
        const popup = await opened;
        await popup.waitForLoadState();
        return popup;
      }
      const popup = await context.newPage();
      await popup.goto(url);
      return popup;
    },
    async refusals() {
      const worker = await serviceWorker();
      return worker.evaluate(async () => {
        const stored = await chrome.storage.session.get('diagnostics/refusals');
        return (stored['diagnostics/refusals'] ?? []) as { reason: string; type?: string; role: string }[];
      });
    },
    async close() {
      browserSocket.close();
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}
