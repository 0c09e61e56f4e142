/** The shared-scenario driver for Chromium, over the existing playwright-core harness (browser.ts). */
import type { Page } from 'playwright-core';
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
    clickAt: (x, y) => page.mouse.click(x, y),
    typeKeys: (text, delayMs = 0) => page.keyboard.type(text, { delay: delayMs }),
    setFiles: (selector, files) => page.locator(selector).setInputFiles(files),
    close: () => page.close(),
  };
}

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
    // What the worker printed with console.error. Its uncaught errors come through CDP only, which this
    // harness does not follow yet: those are not seen here (Firefox prints both).
    backgroundErrors: () => harness.workerLogs.filter((line) => line.startsWith('error: ')),
    backgroundLog: () => harness.workerLogs.slice(-20),
    close: () => harness.close(),
  };
  return driver;
}
