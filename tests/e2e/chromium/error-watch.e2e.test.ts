/**
 * Chromium only: the driver's watch on the extension's background errors (which makes every shared scenario fail)
 * sees what the service worker prints with console.error, and also its uncaught errors and unhandled rejections,
 * which only CDP reports (Runtime.exceptionThrown on the worker's target; each start of the worker is a new
 * target, which the watch attaches to as it appears — the scenarios stop and wake the worker often).
 */
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness/browser';
import { launchHarness } from '../harness/browser';
import { launchChromiumDriver } from '../harness/chromium-driver';
import type { Driver } from '../harness/driver';
import { eventually } from '../harness/ui';

let harness: Harness;
let driver: Driver;
beforeAll(async () => {
  // The driver wraps a harness of its own; a second one gives the test the worker to throw in.
  driver = await launchChromiumDriver();
  harness = await launchHarness();
});
afterAll(async () => {
  await driver?.close();
  await harness?.close();
});

/** Makes the extension's worker throw one of each kind (a callback, a rejected Error, a bare rejected value). */
async function throwInWorker(worker: Worker, tag: string): Promise<void> {
  await worker.evaluate((name: string) => {
    setTimeout(() => {
      throw new Error(`${name}-uncaught`);
    }, 10);
    void Promise.reject(new Error(`${name}-rejection`));
    void Promise.reject(`${name}-bare-rejection`);
    console.error(`${name}-console-error`);
  }, tag);
}

const expectAll = (errors: string[], tag: string) => {
  for (const kind of ['uncaught', 'rejection', 'bare-rejection', 'console-error']) {
    expect(errors.some((line) => line.includes(`${tag}-${kind}`)), `${tag}-${kind} in ${JSON.stringify(errors)}`).toBe(true);
  }
};

describe('the Chromium error watch', () => {
  it('reports an uncaught error, unhandled rejections and console.error of the service worker', async () => {
    expect(harness.workerErrors).toEqual([]);
    await throwInWorker(await harness.serviceWorker(), 'watched');
    expectAll(await eventually(async () => harness.workerErrors, (lines) => lines.length >= 4, 'four reported errors', 10_000), 'watched');
  });

  it('the driver’s backgroundErrors reads that list (what every scenario checks after each test)', async () => {
    expect(driver.backgroundErrors()).toEqual([]);
    await driver.inExtension(() => {
      setTimeout(() => {
        throw new Error('not-the-worker');
      }, 0);
    });
    // An extension page's own error is not the worker's: the list stays empty (the watch follows the worker only).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(driver.backgroundErrors()).toEqual([]);
  });

});
