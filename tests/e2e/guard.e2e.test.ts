import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { openPastWarning } from './harness/interstitial';

declare const chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } };

const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Welcome</h1></body></html>';

let harness: Harness;
beforeAll(async () => {
  harness = await launchHarness();
  harness.server.serve('*', '/', PAGE);
});
afterAll(async () => harness?.close());

async function badgeOf(tabId: number): Promise<string> {
  const worker = await harness.serviceWorker();
  return worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

describe('the domain guard in a real browser', () => {
  it.each([
    ['https://www.amazon.com/', '✓', 'Verified site', 'Amazon'],
    ['https://amazon.com.verify-id.shop/', '!', 'Warning: lookalike site', 'Amazon'],
    ['https://www.xn--mazon-3ve.com/', '!', 'Warning: lookalike site', 'Amazon'],
    ['https://shop.example.com/', '', 'Not a site of your accounts', null],
  ])('%s: badge %j and popup verdict %j', async (url, badge, title, brand) => {
    // Clear lookalikes get OTP Guard's warning page first: go past it as a user would.
    const page = await openPastWarning(harness, url);
    const tabId = await harness.tabIdOf(page);
    await expect.poll(() => badgeOf(tabId)).toBe(badge);
    const popup = await harness.openPopupFor(page);
    await expect.poll(() => popup.getByTestId('verdict').textContent()).toBe(title);
    if (badge === '✓') expect(await popup.getByTestId('brand').textContent()).toBe(brand);
    if (badge === '!') expect(await popup.getByTestId('imitates').textContent()).toContain(brand);
    await popup.close();
    await page.close();
  });

  it('shows a banner on a lookalike page that page script cannot remove', async () => {
    const page = await harness.openAt('https://amazon-login-help.xyz/');
    await page.locator('otp-guard-banner').waitFor({ state: 'attached' });
    const inside = await page.evaluate(() => {
      const host = document.querySelector('otp-guard-banner');
      return host?.shadowRoot ?? 'closed';
    });
    expect(inside).toBe('closed');
    await page.evaluate(() => {
      document.querySelector('otp-guard-banner')?.remove();
      document.documentElement.replaceChildren(document.body ?? document.createElement('body'));
    });
    await expect.poll(() => page.locator('otp-guard-banner').count()).toBe(1);
    await page.evaluate(() => {
      const host = document.querySelector('otp-guard-banner') as HTMLElement;
      host.style.setProperty('display', 'none', 'important');
      host.setAttribute('hidden', '');
    });
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.querySelector('otp-guard-banner') as Element).display))
      .not.toBe('none');
    const box = await page.locator('otp-guard-banner').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(20);
    await page.close();
  });

  it('shows no banner on the real site', async () => {
    const page = await harness.openAt('https://www.amazon.com/');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await page.locator('otp-guard-banner').count()).toBe(0);
    await page.close();
  });
});
