/** The shared-scenario driver for Chromium, over the existing playwright-core harness (browser.ts). */
import type { BrowserContext, Page } from 'playwright-core';
import { launchHarness } from './browser';
import type { Driver, DriverPage } from './driver';

function wrap(page: Page): DriverPage {
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
    pressKey: (key) => page.keyboard.press(key),
    async navigate(url) {
      // Not awaited to the end: the background may abort it for the warning page (a failed goto here).
      void page.goto(url, { waitUntil: 'commit' }).catch(() => undefined);
    },
    location: async () => page.url(),
    viewport: async () => page.viewportSize() ?? (await page.evaluate(() => ({ width: innerWidth, height: innerHeight }))),
    bringToFront: () => page.bringToFront(),
    isClosed: () => page.isClosed(),
    setFiles: (selector, files) => page.locator(selector).setInputFiles(files),
    close: () => page.close(),
  };
}

/** Collects every page the context opens from now on, until one at a matching URL shows up. */
async function nextPage(context: BrowserContext, matches: (url: string) => boolean, timeoutMs: number): Promise<Page> {
  const opened: Page[] = [];
  const onPage = (page: Page) => opened.push(page);
  context.on('page', onPage);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = opened.find((page) => !page.isClosed() && matches(page.url()));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no new page matched within ${timeoutMs} ms (saw ${opened.map((page) => page.url()).join(', ')})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    context.off('page', onPage);
  }
}

const CLIPBOARD_SOURCE = 'https://messages.example.com/clipboard-source';

export async function launchChromiumDriver(): Promise<Driver> {
  const harness = await launchHarness();
  const base = `chrome-extension://${harness.extensionId}/`;
  const pages = new WeakMap<DriverPage, Page>();
  const track = (page: Page) => {
    const wrapped = wrap(page);
    pages.set(wrapped, page);
    return wrapped;
  };
  let helper: Page | null = null;
  const helperPage = async (): Promise<Page> => {
    if (helper && !helper.isClosed()) return helper;
    helper = await harness.context.newPage();
    await helper.goto(`${base}src/options/index.html`);
    return helper;
  };
  const driver: Driver = {
    engine: 'chromium',
    label: 'Chromium',
    server: harness.server,
    async openAt(url) {
      return track(await harness.openAt(url));
    },
    async newTab() {
      return track(await harness.context.newPage());
    },
    nextPage(matches, timeoutMs = 10_000) {
      return nextPage(harness.context, matches, timeoutMs).then(track);
    },
    extensionUrl: (path) => base + path,
    async busyBackground(ms) {
      const worker = await harness.serviceWorker();
      await worker.evaluate((wait: number) => {
        const end = Date.now() + wait;
        while (Date.now() < end) {
          // spin: the worker's thread answers nothing meanwhile
        }
      }, ms);
    },
    async writeClipboard(text) {
      harness.server.serve('messages.example.com', '/clipboard-source', '<!doctype html><title>Messages</title>');
      await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(CLIPBOARD_SOURCE).origin });
      const source = await harness.openAt(CLIPBOARD_SOURCE);
      await source.evaluate((value) => navigator.clipboard.writeText(value), text);
      await source.close();
    },
    async imeCompose(page, steps, commit) {
      const target = pages.get(page);
      if (!target) throw new Error('not a page of this driver');
      const cdp = await harness.context.newCDPSession(target);
      for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await new Promise((resolve) => setTimeout(resolve, 100)); // the page polls field values every 5 ms
      await cdp.send('Input.insertText', { text: commit });
      await cdp.detach();
    },
    async dropText(page, at, text) {
      const target = pages.get(page);
      if (!target) throw new Error('not a page of this driver');
      const cdp = await harness.context.newCDPSession(target);
      const data = { items: [{ mimeType: 'text/plain', data: text }], dragOperationsMask: 1 };
      for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
      await cdp.detach();
    },
    async openExtensionPage(path) {
      const page = await harness.context.newPage();
      await page.goto(base + path);
      return track(page);
    },
    async openPopupFor(page, options) {
      const target = page ? pages.get(page) : null;
      if (page && !target) throw new Error('not a page of this driver');
      return track(await harness.openPopupFor(target ?? null, options));
    },
    async clickToolbarButton(page) {
      const target = pages.get(page);
      if (!target) throw new Error('not a page of this driver');
      await harness.clickToolbarButton(target);
    },
    async inExtension(fn, arg) {
      const page = await helperPage();
      return page.evaluate(fn, arg as never);
    },
    async tabIdOf(page) {
      const target = pages.get(page);
      if (!target) throw new Error('not a page of this driver');
      return harness.tabIdOf(target);
    },
    async suspendBackground() {
      // An open extension page may message the worker right back up: close the helper first.
      await helper?.close();
      helper = null;
      // The worker may start again at once (an event is pending): what counts is that it was seen stopped.
      const page = harness.context.pages()[0] ?? (await harness.context.newPage());
      const cdp = await harness.context.newCDPSession(page);
      let stopped = false;
      cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
        for (const version of event.versions) {
          if (version.scriptURL.startsWith(base) && version.runningStatus === 'stopped') stopped = true;
        }
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 10_000;
      while (!stopped && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await cdp.detach();
      if (!stopped) throw new Error('the service worker was not seen stopped');
    },
    async backgroundRunning() {
      return harness.context.serviceWorkers().some((worker) => worker.url().startsWith(base));
    },
    // What the worker printed with console.error, then its uncaught errors and unhandled rejections (CDP).
    backgroundErrors: () => harness.workerErrors,
    backgroundLog: () => harness.workerLogs.slice(-20),
    backgroundConsole: () => [...harness.workerLogs],
    close: () => harness.close(),
  };
  return driver;
}
