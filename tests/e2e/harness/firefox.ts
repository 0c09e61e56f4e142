/**
 * The shared-scenario driver for Firefox: Debian's Firefox ESR (FIREFOX_PATH; /usr/bin/firefox-esr by default)
 * through puppeteer-core over WebDriver BiDi, the built extension (dist/firefox) installed as a temporary
 * add-on at a fixed UUID, every hostname resolved to the local fixture server. All traffic stays on 127.0.0.1.
 * Quirks handled here (see ../shared/README.md): goto to moz-extension:// never resolves, and ESR 140's
 * Locators/waitForFunction time out in extension pages, so extension pages are polled with evaluate.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../../scripts/manifest-for';
import type { Driver, DriverPage } from './driver';
import { startFixtureServer } from './server';
import { until } from './ui';

declare const browser: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    update(id: number, change: object): Promise<{ windowId?: number } | undefined>;
  };
  windows: { create(options: object): Promise<unknown>; update(id: number, change: object): Promise<unknown> };
  extension: { getViews(): { location: { pathname: string } }[] };
};

export const DIST_FIREFOX = join(import.meta.dirname, '..', '..', '..', 'dist', 'firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed, so extension URLs are known before start (pref extensions.webextensions.uuids). */
export const EXTENSION_UUID = '0f3a9c1e-5b7d-4e2a-9c61-07b0e5a1d2f4';
const BASE = `moz-extension://${EXTENSION_UUID}/`;
const BACKGROUND_PAGE = '/_generated_background_page.html';

export function firefoxVersion(executable = FIREFOX): string {
  return execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim().replace(/^Mozilla /, '');
}
export const firefoxMajorVersion = (executable = FIREFOX) => Number(/(\d+)\./.exec(firefoxVersion(executable))?.[1] ?? 0);
/** Privileged ('moz:scope': 'chrome') scripts over BiDi: ESR 153 runs them (with --remote-allow-system-access), ESR 140 does not. */
export const PRIVILEGED_SCRIPTS_SINCE = 153;

/** Clicks the extension's toolbar button for the tab showing `url` (selected first; grants activeTab), from chrome scope. */
const triggerActionFor = (url: string) => `(() => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(FIREFOX_ADDON_ID)});
  for (const win of Services.wm.getEnumerator('navigator:browser')) {
    const tab = win.gBrowser.tabs.findLast((candidate) => candidate.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
    if (!tab) continue;
    win.gBrowser.selectedTab = tab;
    // A click while the previous click's popup is still open closes it (as for a user): then click again.
    const action = ExtensionParent.apiManager.global.browserActionFor(extension);
    for (let click = 0; click < 2 && !extension.tabManager.hasActiveTabPermission(tab); click++) action.triggerAction(win);
    return extension.tabManager.hasActiveTabPermission(tab);
  }
  return 'no tab';
})()`;

function prefs(port: number): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: EXTENSION_UUID }),
    // Every name to the fixture server, which speaks TLS and plain HTTP on one port.
    'network.dns.forceResolve': '127.0.0.1',
    'network.socket.forcePort': `443=${port};80=${port}`,
    'network.trr.mode': 5,
    'dom.security.https_first': false,
    'dom.security.https_first_pbm': false,
    'dom.security.https_only_mode': false,
    // The background's console, uncaught errors and rejections on Firefox's stdout/stderr.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    // The event page stops after 5 s idle (30 s by default), so every scenario also exercises the wake-ups.
    // Not less: Firefox stops it at the timeout even while a runtime.onMessage reply is pending (measured on
    // ESR 140 and 153: the sender gets "Receiving end does not exist"), and an Argon2id unlock takes ~2 s here.
    'extensions.background.idle.timeout': 5000,
  };
}

/**
 * An uncaught error or unhandled rejection in one of the extension's own scripts (background, pages, content).
 * A rejection with a value that is not an Error has no source ("JavaScript error: , line 0: uncaught exception: …"):
 * counted too (fail closed), since the fixture pages throw nothing and Firefox's own errors name chrome:// or resource://.
 */
const isExtensionError = (line: string) =>
  line.startsWith(`JavaScript error: ${BASE}`) || line.startsWith('JavaScript error: , line 0: uncaught exception:');

function wrap(page: Page, uploads: string): DriverPage {
  return {
    url: () => page.url(),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as never, arg as never) as Promise<R>,
    async evaluateInFrame<R, A>(urlPrefix: string, fn: (arg: A) => R | Promise<R>, arg?: A) {
      const frame = page.frames().find((candidate) => candidate.url().startsWith(urlPrefix));
      if (!frame) throw new Error(`no frame at ${urlPrefix} in ${page.url()}`);
      return frame.evaluate(fn as never, arg as never) as Promise<R>;
    },
    frameUrls: () => page.frames().map((frame) => frame.url()),
    clickAt: (x, y) => page.mouse.click(x, y),
    typeKeys: (text, delayMs = 0) => page.keyboard.type(text, { delay: delayMs }),
    async pressKey(key) {
      // puppeteer names chords one key at a time: 'Control+V' is Control held while V is pressed.
      const keys = key.split('+') as import('puppeteer-core').KeyInput[];
      const last = keys.pop();
      if (!last) return;
      for (const held of keys) await page.keyboard.down(held);
      await page.keyboard.press(last);
      for (const held of keys.reverse()) await page.keyboard.up(held);
    },
    async navigate(url) {
      // Not awaited: a navigation the background replaces with a moz-extension:// page never resolves here.
      void page.goto(url).catch(() => undefined);
    },
    // puppeteer may not know a moz-extension:// URL the tab went to: ask the document, while it can answer.
    location: () => page.evaluate(() => location.href).catch(() => page.url()),
    viewport: () => page.evaluate(() => ({ width: innerWidth, height: innerHeight })),
    bringToFront: () => page.bringToFront(),
    isClosed: () => page.isClosed(),
    async setFiles(selector, files) {
      // WebDriver BiDi input.setFiles takes paths. Firefox reads the file later (when the page reads it),
      // so the folder stays until the browser is closed.
      const folder = mkdtempSync(join(uploads, 'files-'));
      const paths = files.map((file) => {
        const path = join(folder, file.name);
        writeFileSync(path, file.buffer);
        return path;
      });
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector} on ${page.url()}`);
      await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    close: () => page.close(),
  };
}

/** Opens an extension page: goto never resolves for moz-extension:// pages, so fire it and poll. */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => {});
  await until(
    () => page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url),
    `${url} to load`,
  );
}

/** A messages page that writes the clipboard on a real click (Firefox grants writeText to user activation). */
const CLIPBOARD_SOURCE = 'https://messages.example.com/clipboard-source';
const CLIPBOARD_PAGE = `<!doctype html><title>Messages</title><button id="copy" style="width:200px;height:60px">Copy</button>
<script>document.getElementById('copy').addEventListener('click', () => {
  navigator.clipboard.writeText(location.hash.slice(1) ? decodeURIComponent(location.hash.slice(1)) : '').then(() => { window.__written = true; }, (error) => { window.__written = String(error); });
});</script>`;

export interface FirefoxOptions {
  /** The unpacked extension to install (default dist/firefox); its gecko id gets EXTENSION_UUID. */
  extensionDir?: string;
  /** The extension page kept open for inExtension (default the options page). */
  helperPage?: string;
}

export async function launchFirefoxDriver(options: FirefoxOptions = {}): Promise<Driver> {
  const server = await startFixtureServer();
  const output: string[] = [];
  const ff: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // ESR 153 refuses navigation to moz-extension:// from the driver without it; ESR 140 ignores it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs(server.port),
  });
  const child = ff.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) output.push(line.slice(0, 1000));
      if (output.length > 5000) output.splice(0, output.length - 5000);
    });
  }
  const errors: string[] = [];
  let scanned = 0;
  const collectErrors = () => {
    for (; scanned < output.length; scanned++) {
      const line = output[scanned] ?? '';
      if (isExtensionError(line)) errors.push(line);
    }
    return errors;
  };
  await ff.installExtension(options.extensionDir ?? DIST_FIREFOX);
  const label = firefoxVersion();

  const uploads = mkdtempSync(join(tmpdir(), 'otp-guard-uploads-'));
  const pages = new WeakMap<DriverPage, Page>();
  const track = (page: Page) => {
    const wrapped = wrap(page, uploads);
    pages.set(wrapped, page);
    return wrapped;
  };
  let helper: Page | null = null;
  const helperPage = async (): Promise<Page> => {
    if (helper && !helper.isClosed()) return helper;
    helper = await ff.newPage();
    await gotoExtensionPage(helper, BASE + (options.helperPage ?? 'src/options/index.html'));
    return helper;
  };
  const backgroundRunning = async () =>
    (await helperPage()).evaluate((path) => browser.extension.getViews().some((view) => view.location.pathname === path), BACKGROUND_PAGE);
  await until(backgroundRunning, 'the background page to start');

  const driver: Driver = {
    engine: 'firefox',
    label,
    server,
    async openAt(url) {
      const page = await ff.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return track(page);
    },
    async newTab() {
      return track(await ff.newPage());
    },
    async nextPage(matches, timeoutMs = 10_000) {
      const known = new Set(await ff.pages());
      const page = await until(async () => {
        for (const candidate of await ff.pages()) {
          if (known.has(candidate) || candidate.isClosed()) continue;
          const href = await candidate.evaluate(() => location.href).catch(() => candidate.url());
          if (matches(href)) return candidate;
        }
        return null;
      }, 'a new page at a matching URL', timeoutMs);
      return track(page);
    },
    extensionUrl: (path) => BASE + path,
    async busyBackground(ms) {
      // The event page has no thread of its own: it shares the extension process's main thread with the
      // helper page, so a busy helper holds every background event (measured: the verdict waits).
      await driver.inExtension((wait) => {
        const end = Date.now() + wait;
        while (Date.now() < end) {
          // spin
        }
      }, ms);
    },
    async writeClipboard(text) {
      server.serve('messages.example.com', '/clipboard-source', CLIPBOARD_PAGE);
      const source = await ff.newPage();
      await source.goto(`${CLIPBOARD_SOURCE}#${encodeURIComponent(text)}`, { waitUntil: 'load' });
      await source.click('#copy');
      const written = await until(() => source.evaluate(() => (window as unknown as { __written?: unknown }).__written), 'the clipboard write');
      await source.close();
      if (written !== true) throw new Error(`the clipboard was not written: ${written}`);
    },
    async openExtensionPage(path) {
      const page = await ff.newPage();
      await gotoExtensionPage(page, BASE + path);
      return track(page);
    },
    async openPopupFor(page, options = {}) {
      // The background takes "the page in front" from the browser (no tab is named in a URL): bring the
      // page's tab to the front of its window, then open the popup in a window of its own over it.
      const tabId = page ? await driver.tabIdOf(page) : null;
      const path = 'src/popup/index.html';
      if (tabId === null && !options.inWindow) return driver.openExtensionPage(path);
      if (tabId !== null) {
        await driver.inExtension(async (id) => {
          const tab = await browser.tabs.update(id, { active: true });
          if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        }, tabId);
      }
      const known = new Set(await ff.pages());
      await driver.inExtension((url) => browser.windows.create({ url, type: 'popup', width: 420, height: 600 }), BASE + path);
      // puppeteer may not know the new window's URL yet (moz-extension navigation): ask each new page itself.
      const popup = await until(async () => {
        for (const candidate of await ff.pages()) {
          if (known.has(candidate)) continue;
          const href = await candidate.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
          if (href === BASE + path) return candidate;
        }
        return null;
      }, `${path} in a window of its own`);
      return track(popup);
    },
    async clickToolbarButton(page) {
      if (firefoxMajorVersion() < PRIVILEGED_SCRIPTS_SINCE) throw new Error(`${label} cannot click the toolbar button from a test`);
      const target = pages.get(page);
      if (!target) throw new Error('not a page of this driver');
      // puppeteer's own BiDi connection (not in its public types), for two Firefox-specific commands.
      const bidi = (ff as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
      const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
        result: { contexts: { context: string }[] };
      };
      const chromeWindow = tree.result.contexts[0]?.context;
      if (!chromeWindow) throw new Error('no browser window');
      const reply = (await bidi.send('script.evaluate', {
        expression: triggerActionFor(target.url()),
        target: { context: chromeWindow },
        awaitPromise: true,
        'moz:scope': 'chrome',
      })) as { result: { type: string; result?: { value?: unknown } } };
      if (reply.result.result?.value !== true) throw new Error(`the toolbar click granted no activeTab: ${JSON.stringify(reply.result)}`);
    },
    async inExtension(fn, arg) {
      const page = await helperPage();
      return page.evaluate(fn as (arg: unknown) => never, arg);
    },
    async tabIdOf(page) {
      const target = pages.get(page);
      if (!target) throw new Error('not a page of this driver');
      const url = target.url();
      const id = await driver.inExtension(async (wanted) => (await browser.tabs.query({})).filter((tab) => tab.url === wanted).at(-1)?.id, url);
      if (!id) throw new Error(`no tab for ${url}`);
      return id;
    },
    async suspendBackground() {
      // No service-worker target in Firefox: the idle timeout (pref above) stops the event page; wait for it.
      await until(async () => !(await backgroundRunning()), 'the background page to be suspended', 20_000);
    },
    backgroundRunning,
    backgroundErrors: collectErrors,
    backgroundLog: () => output.filter((line) => line.includes(BASE) || line.includes('[otp-guard]')).slice(-20),
    backgroundConsole: () => output.filter((line) => line.includes('[otp-guard]')),
    async close() {
      await ff.close().catch(() => {});
      await server.close();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
  return driver;
}
