/**
 * Warnings the page cannot touch, in a real browser: the interstitial (OTP Guard's own warning page
 * instead of a high-confidence lookalike, before the site runs or gets a key) and the held-code
 * confirmation in an extension window, which a page's top-layer overlay cannot click through.
 * Each test reads what the page's own script saw.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { startNavigation, waitForUrl, waitForWarningPage, warningPageUrl } from './harness/interstitial';

declare const chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } };

let harness: Harness;
const fixture = (name: string) => harness.server.fixture(`interstitial/${name}`);
const REAL = '<!doctype html><html><head><meta charset="utf-8"><title>Real Amazon</title><script>window.__ran = true</script></head><body>Amazon</body></html>';
const MFA = 'amazon-verify-account.com'; // medium confidence (brand + words): banner and badge, no interstitial

beforeAll(async () => {
  harness = await launchHarness();
  for (const host of ['www.xn--mazon-3ve.com', 'login.xn--mazon-3ve.com', 'amazon.com.verify-id.shop', 'www.amazon.com', MFA]) {
    harness.server.serve(host, '/login', fixture('recorder.html'));
  }
  harness.server.serve('amazon.com', '/', REAL);
  harness.server.serve(MFA, '/ap/mfa', fixture('held-popover.html'));
  harness.server.serve(MFA, '/hold', fixture('banner-popover.html'));
});
afterAll(async () => harness?.close());

const seenBy = (page: Page) => page.evaluate(() => (window as unknown as { __seen(): string[] }).__seen());

describe('the interstitial', () => {
  it('replaces a clear lookalike before its script runs or gets a key, and says why', async () => {
    // With the background running (it is asleep after 30 s idle: see the next-but-two test).
    await (await harness.serviceWorker()).evaluate(() => true);
    const page = await harness.context.newPage();
    void startNavigation(page, 'https://www.xn--mazon-3ve.com/login');
    // The user starts typing while the page is loading.
    for (const key of 'hunter2') await page.keyboard.press(key).catch(() => undefined);
    await waitForWarningPage(harness, page);
    await page.keyboard.type('482913'); // on the warning page now
    expect(page.url()).toBe(warningPageUrl(harness)); // nothing about the stopped page in its address
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This is not amazon.com');
    expect(await page.getByTestId('stopped-host').textContent()).toBe('www.\u0430mazon.com');
    expect(await page.getByTestId('stopped-host').locator('mark.confusable').allTextContents()).toEqual(['\u0430']);
    expect(await page.getByTestId('stopped-ascii-host').textContent()).toBe('www.xn--mazon-3ve.com');
    expect(await page.getByTestId('reasons').textContent()).toContain('look-alike characters');
    expect(await page.getByRole('button', { name: 'Go to amazon.com' }).evaluate((button) => button === document.activeElement)).toBe(true);

    await page.getByRole('button', { name: 'Continue anyway' }).click();
    await waitForUrl(page, 'https://www.xn--mazon-3ve.com/login');
    await page.waitForLoadState('domcontentloaded');
    await page.locator('otp-guard-banner').waitFor({ state: 'attached' }); // the banner stays
    // The page's own record: it ran once (now), and never saw a key or a click.
    expect(await seenBy(page)).toEqual(['ran']);
    await page.close();
  });

  it('"Continue anyway" is remembered for the site, and the popup can undo it', async () => {
    const page = await harness.context.newPage();
    const outcome = await startNavigation(page, 'https://login.xn--mazon-3ve.com/login');
    await waitForUrl(page, 'https://login.xn--mazon-3ve.com/login').catch((error) => {
      throw new Error(`${error} (goto: ${outcome})`);
    });
    await page.waitForLoadState('domcontentloaded');
    expect(await seenBy(page)).toEqual(['ran']);

    const popup = await harness.openPopupFor(page);
    await popup.getByRole('button', { name: 'Show the warning page again' }).click();
    await popup.getByTestId('interstitial-on').waitFor();
    await popup.close();
    await startNavigation(page, 'https://login.xn--mazon-3ve.com/login');
    await waitForWarningPage(harness, page);
    await page.close();
  });

  it('"Go to amazon.com" opens the real site', async () => {
    const page = await harness.context.newPage();
    await startNavigation(page, 'https://amazon.com.verify-id.shop/login');
    await waitForWarningPage(harness, page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This is not amazon.com');
    await page.getByRole('button', { name: 'Go to amazon.com' }).click();
    await waitForUrl(page, 'https://amazon.com/');
    await page.waitForLoadState('domcontentloaded');
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBe(true);
    await page.close();
    // Going to the real site remembered nothing: the lookalike is still stopped.
    const again = await harness.context.newPage();
    await startNavigation(again, 'https://amazon.com.verify-id.shop/login');
    await waitForWarningPage(harness, again);
    await again.close();
  });

  it('still stops the page when the background was asleep (woken by the navigation itself)', async () => {
    await harness.stopServiceWorker();
    const page = await harness.context.newPage();
    void startNavigation(page, 'https://amazon.com.verify-id.shop/login');
    await waitForWarningPage(harness, page);
    await page.screenshot({ path: join(tmpdir(), 'otp-guard-warning-page.png') });
    await page.getByRole('button', { name: 'Continue anyway' }).click();
    await waitForUrl(page, 'https://amazon.com.verify-id.shop/login');
    await page.waitForLoadState('domcontentloaded');
    // Waking the worker takes a few hundred ms here: the lookalike may have started once before the
    // warning page replaced it (README "Measured"), but it never saw a key or a click.
    const seen = await seenBy(page);
    expect(seen.filter((entry) => entry !== 'ran')).toEqual([]);
    await page.close();
  });

  it.each([
    ['the real site', 'https://www.amazon.com/login', false],
    ['a lower-confidence lookalike (banner only)', `https://${MFA}/login`, true],
  ])('is not shown on %s', async (_name, url, banner) => {
    const page = await harness.openAt(url);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(page.url()).toBe(url);
    expect(await seenBy(page)).toEqual(['ran']);
    expect(await page.locator('otp-guard-banner').count()).toBe(banner ? 1 : 0);
    await page.close();
  });
});

describe('the signal a page cannot hide', () => {
  it('a top-layer popover can cover the in-page banner, not the toolbar badge', async () => {
    const page = await harness.openAt(`https://${MFA}/hold`);
    await page.locator('otp-guard-banner').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => (window as unknown as { coverOpen(): boolean }).coverOpen())).toBe(true);
    const tabId = await harness.tabIdOf(page);
    const worker = await harness.serviceWorker();
    const badge = () => worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe('!');
    await page.close();
  });
});

describe('the held-code confirmation opens in extension UI', () => {
  const confirmWindow = () =>
    harness.context.waitForEvent('page', { predicate: (page) => page.url().includes('/src/confirm/index.html'), timeout: 10_000 });

  async function typeHeldCode(code: string): Promise<{ page: Page; confirm: Page }> {
    const page = await harness.openAt(`https://${MFA}/ap/mfa`);
    await page.locator('otp-guard-banner').waitFor({ state: 'attached' });
    // The guard is on once it has marked the code field (the engine is injected after the banner).
    await page.locator('otp-guard-warning').waitFor({ state: 'attached' });
    const opened = confirmWindow();
    await page.locator('#auth-mfa-otpcode').focus();
    await page.keyboard.type(code);
    const confirm = await opened;
    await confirm.getByRole('button', { name: 'Enter it anyway' }).waitFor();
    return { page, confirm };
  }
  const pageSaw = (page: Page) => page.evaluate(() => (window as unknown as { pageSaw: string[] }).pageSaw);

  it('"Enter it anyway" in the OTP Guard window releases the held digits into the field', async () => {
    const { page, confirm } = await typeHeldCode('731946');
    await confirm.screenshot({ path: join(tmpdir(), 'otp-guard-confirm-window.png') });
    expect(await confirm.getByRole('heading').textContent()).toMatch(/^This is not amazon\.com\./);
    expect(await confirm.textContent('body')).not.toContain('731946'); // the window never had the digits
    expect(await page.locator('#auth-mfa-otpcode').inputValue()).toBe('');
    expect((await pageSaw(page)).join(' ')).not.toMatch(/\d/);
    const closed = confirm.waitForEvent('close');
    await confirm.getByRole('button', { name: 'Enter it anyway' }).click();
    await closed; // the background closes the window once decided
    await expect.poll(() => page.locator('#auth-mfa-otpcode').inputValue()).toBe('731946');
    expect(await pageSaw(page)).toContain('731946');
    await page.close();
  });

  it('"Don\'t enter it" discards them: the page never sees a digit', async () => {
    const { page, confirm } = await typeHeldCode('905521');
    const closed = confirm.waitForEvent('close');
    await confirm.getByRole('button', { name: "Don't enter it" }).click();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.locator('#auth-mfa-otpcode').inputValue()).toBe('');
    expect((await pageSaw(page)).join(' ')).not.toMatch(/\d/);
    await page.close();
  });

  it('a full-screen top-layer popover over the hint cannot turn the user’s click into a choice', async () => {
    const { page, confirm } = await typeHeldCode('660021');
    await expect.poll(() => pageSaw(page)).toContain('popover-shown');
    const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
    // The user clicks through the decoy, all over the page, where an in-page button could have been.
    for (const [x, y] of [[0.5, 0.5], [0.5, 0.1], [0.4, 0.2], [0.6, 0.15], [0.5, 0.3]] as const) {
      await page.mouse.click(viewport.width * x, viewport.height * y);
    }
    await page.keyboard.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await page.locator('#auth-mfa-otpcode').inputValue()).toBe('');
    expect((await pageSaw(page)).join(' ')).not.toMatch(/\d/);
    // The question is still open where only the user can answer it.
    expect(confirm.isClosed()).toBe(false);
    await confirm.getByRole('button', { name: "Don't enter it" }).click();
    await page.close();
  });

  it('closing the OTP Guard window is a "no"', async () => {
    const { page, confirm } = await typeHeldCode('118822');
    await confirm.close();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await page.locator('#auth-mfa-otpcode').inputValue()).toBe('');
    expect((await pageSaw(page)).join(' ')).not.toMatch(/\d/);
    await page.close();
  });
});
