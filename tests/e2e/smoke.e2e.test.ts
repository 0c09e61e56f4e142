import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { openPastWarning } from './harness/interstitial';

let harness: Harness;

beforeAll(async () => {
  harness = await launchHarness();
  harness.server.serve('*', '/gp/css', harness.server.fixture('plain.html'));
  harness.server.serve('*', '/', harness.server.fixture('plain.html'));
});
afterAll(async () => harness?.close());

describe('the built extension in Chromium', () => {
  it('starts its service worker', async () => {
    const worker = await harness.serviceWorker();
    expect(worker.url()).toBe(`chrome-extension://${harness.extensionId}/service-worker-loader.js`);
  });

  it('shows the registrable domain of www.amazon.co.uk in the popup', async () => {
    const page = await harness.openAt('https://www.amazon.co.uk/gp/css');
    const popup = await harness.openPopupFor(page);
    await expect.poll(() => popup.getByTestId('registrable-domain').textContent()).toBe('amazon.co.uk');
    expect(await popup.getByTestId('unicode-host').textContent()).toBe('www.amazon.co.uk');
    expect(await popup.getByTestId('ascii-host').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('shows both forms of an IDN host (www.xn--mazon-3ve.com)', async () => {
    // A clear lookalike: past OTP Guard's warning page first, as a user would.
    const page = await openPastWarning(harness, 'https://www.xn--mazon-3ve.com/');
    const popup = await harness.openPopupFor(page);
    await expect.poll(() => popup.getByTestId('unicode-host').textContent()).toBe('www.\u0430mazon.com');
    expect(await popup.getByTestId('ascii-host').textContent()).toBe('www.xn--mazon-3ve.com');
    expect(await popup.getByTestId('registrable-domain').textContent()).toBe('\u0430mazon.com');
    expect(await popup.getByTestId('ascii-registrable-domain').textContent()).toBe('xn--mazon-3ve.com');
    await popup.close();
    await page.close();
  });

  it('says "not a website" for an IP address and for localhost', async () => {
    const port = harness.server.port;
    for (const url of [`https://127.0.0.1:${port}/`, `http://localhost:${port}/`]) {
      const popupFor = await harness.openAt(url);
      const popup = await harness.openPopupFor(popupFor);
      await expect.poll(() => popup.getByTestId('verdict').textContent()).toBe('Not a website');
      await popup.close();
      await popupFor.close();
    }
  });

  it('runs its content script on a fixture page', async () => {
    const page = await harness.openAt('https://shop.example.com/');
    const cdp = await harness.context.newCDPSession(page);
    const contexts: { name: string; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    await expect
      .poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name === 'OTP Guard'))
      .toBe(true);
    await cdp.detach();
    await page.close();
  });

  it('refuses a content script posing as the popup, and logs the refusal', async () => {
    const page = await harness.openAt('https://shop.example.com/');
    const cdp = await harness.context.newCDPSession(page);
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'OTP Guard')).toBeTruthy();
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'OTP Guard');
    const result = await cdp.send('Runtime.evaluate', {
      contextId: isolated?.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `chrome.runtime.sendMessage({ type: 'ui:describe-tab' })`,
    });
    expect(result.result.value).toEqual({ ok: false, error: { code: 'refused', message: 'This sender may not send this message.' } });
    await cdp.detach();
    await expect
      .poll(async () => (await harness.refusals()).some((r) => r.type === 'ui:describe-tab' && r.role === 'content-script'))
      .toBe(true);
    await page.close();
  });

  it('gives a web page no way to message the extension', async () => {
    const page = await harness.openAt('https://shop.example.com/');
    const reachable = await page.evaluate(
      (id) => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage === 'function' && id.length > 0,
      harness.extensionId,
    );
    expect(reachable).toBe(false);
    await page.close();
  });

  it('survives a service-worker stop and answers again', async () => {
    await harness.stopServiceWorker();
    const page = await harness.openAt('https://www.amazon.co.uk/gp/css');
    const popup = await harness.openPopupFor(page);
    await expect.poll(() => popup.getByTestId('registrable-domain').textContent()).toBe('amazon.co.uk');
    await popup.close();
    await page.close();
  });
});
