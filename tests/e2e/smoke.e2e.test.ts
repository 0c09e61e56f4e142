/**
 * Chromium only: what needs CDP's view of the page's execution contexts (the content script's isolated world),
 * which WebDriver BiDi does not give for an extension's world. Everything else of the old smoke file is in the
 * shared scenarios (tests/e2e/scenarios/smoke.e2e.test.ts, carried-over.e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';

let harness: Harness;

beforeAll(async () => {
  harness = await launchHarness();
  harness.server.serve('*', '/', harness.server.fixture('plain.html'));
});
afterAll(async () => harness?.close());

describe('the built extension in Chromium: its content script world', () => {
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
});
