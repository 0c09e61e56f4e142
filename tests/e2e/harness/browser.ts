/**
 * Loads the built extension (dist/chrome) into Debian's Chromium through playwright-core and offers
 * the helpers every real-browser test uses. All traffic stays on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { type FixtureServer, startFixtureServer } from './server';

// The worker-side helpers below run inside the extension's service worker, where `chrome` exists.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
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
  /** Open the popup page in a tab, standing for `page`'s tab. */
  openPopupFor(page: Page | null): Promise<Page>;
  /**
   * Clicks OTP Guard's toolbar button for `page`'s tab, as a user does (CDP Extensions.triggerAction):
   * the real popup opens and the tab gets the activeTab grant. Tests then drive a popup tab (openPopupFor).
   */
  clickToolbarButton(page: Page): Promise<void>;
  /** The tab id the browser gave `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** Refusals the background logged (diagnostics in session storage). */
  refusals(): Promise<{ reason: string; type?: string; role: string }[]>;
  close(): Promise<void>;
}

export async function launchHarness(): Promise<Harness> {
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
    args: [
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

  // A second, browser-level CDP connection (the persistent context only offers page sessions).
  let browserCdp: { browser: Browser; session: CDPSession } | null = null;
  const connectBrowserCdp = async () => {
    if (!browserCdp) {
      const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      browserCdp = { browser, session: await browser.newBrowserCDPSession() };
    }
    return browserCdp.session;
  };

  const harness: Harness = {
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
      const session = await connectBrowserCdp();
      const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.filter((target) => target.type === 'tab' && target.url === page.url()).at(-1);
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      // Not in playwright-core's protocol types yet: needs --enable-unsafe-extension-debugging.
      await (session as unknown as { send(method: string, params: object): Promise<unknown> }).send('Extensions.triggerAction', {
        id: extensionId,
        targetId: tab.targetId,
      });
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
    async openPopupFor(page) {
      const popup = await context.newPage();
      const tabId = page ? await harness.tabIdOf(page) : '';
      await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html${tabId ? `?tab=${tabId}` : ''}`);
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
      await browserCdp?.browser.close().catch(() => undefined);
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}
