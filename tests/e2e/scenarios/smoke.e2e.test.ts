/** Shared scenario (Chromium and Firefox): the background is up, judges pages, and web pages cannot reach it. */
import { describe, expect, it } from 'vitest';
import { driverForThisFile } from '../harness/driver';
import { countOf, eventually, sleep, textOf } from '../harness/ui';

declare const chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } };

const driver = driverForThisFile((d) => {
  d.server.serve('*', '/', d.server.fixture('plain.html'));
  d.server.serve('*', '/gp/css', d.server.fixture('plain.html'));
});

describe(`smoke (${process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium'})`, () => {
  it('starts its background', async () => {
    expect(await driver().backgroundRunning()).toBe(true);
  });

  it('shows the registrable domain and the verdict of the tab in the popup', async () => {
    const page = await driver().openAt('https://www.amazon.co.uk/gp/css');
    const popup = await driver().openPopupFor(page);
    await eventually(() => textOf(popup, 'registrable-domain'), (text) => text === 'amazon.co.uk', 'the registrable domain');
    expect(await textOf(popup, 'unicode-host')).toBe('www.amazon.co.uk');
    await popup.close();
    await page.close();
  });

  it.each([
    ['https://www.amazon.com/', '✓', 'Verified site', 'Amazon'],
    // Medium-confidence lookalikes keep the page (banner and badge); the high-confidence ones
    // (amazon-verify-account.com, amaz0n.com) get OTP Guard's warning page instead, tested with the interstitial.
    ['https://amazon-deals.xyz/', '!', 'Warning: lookalike site', 'Amazon'],
    ['https://www.amazom.com/', '!', 'Warning: lookalike site', 'Amazon'],
    ['https://shop.example.com/', '', 'Not a site of your accounts', null],
  ])('%s: badge %j and popup verdict %j', async (url, badge, verdict, brand) => {
    const page = await driver().openAt(url);
    const tabId = await driver().tabIdOf(page);
    await eventually(() => driver().inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId), (text) => text === badge, 'the badge');
    const popup = await driver().openPopupFor(page);
    await eventually(() => textOf(popup, 'verdict'), (text) => text === verdict, 'the verdict');
    if (badge === '✓') expect(await textOf(popup, 'brand')).toBe(brand);
    if (badge === '!') expect(await textOf(popup, 'imitates')).toContain(brand);
    await popup.close();
    await page.close();
  });

  it('shows a banner on a lookalike page that page script cannot remove or hide, and none on the real site', async () => {
    const page = await driver().openAt('https://amazon-shop.top/');
    await eventually(() => countOf(page, 'otp-guard-banner'), (count) => count === 1, 'the banner');
    expect(await page.evaluate(() => (document.querySelector('otp-guard-banner') as HTMLElement).shadowRoot)).toBeNull(); // closed
    await page.evaluate(() => {
      document.querySelector('otp-guard-banner')?.remove();
      document.documentElement.replaceChildren(document.body ?? document.createElement('body'));
    });
    await eventually(() => countOf(page, 'otp-guard-banner'), (count) => count === 1, 'the banner back');
    await page.evaluate(() => {
      const host = document.querySelector('otp-guard-banner') as HTMLElement;
      host.style.setProperty('display', 'none', 'important');
      host.setAttribute('hidden', '');
    });
    await eventually(
      () => page.evaluate(() => getComputedStyle(document.querySelector('otp-guard-banner') as Element).display),
      (display) => display !== 'none',
      'the banner shown again',
    );
    expect(await page.evaluate(() => document.querySelector('otp-guard-banner')?.getBoundingClientRect().height ?? 0)).toBeGreaterThan(20);
    await page.close();
    const real = await driver().openAt('https://www.amazon.com/');
    await sleep(1_000);
    expect(await countOf(real, 'otp-guard-banner')).toBe(0);
    await real.close();
  });

  it('gives a web page no extension API to message it with', async () => {
    const page = await driver().openAt('https://shop.example.com/');
    const exposed = await page.evaluate(() => {
      const scope = globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } }; browser?: unknown };
      return [typeof scope.chrome?.runtime?.sendMessage, typeof scope.chrome?.runtime?.connect, typeof scope.browser];
    });
    expect(exposed).toEqual(['undefined', 'undefined', 'undefined']);
    await page.close();
  });

  it('answers again after its background was suspended', async () => {
    await driver().suspendBackground();
    const page = await driver().openAt('https://www.amazon.co.uk/gp/css');
    const popup = await driver().openPopupFor(page);
    await eventually(() => textOf(popup, 'registrable-domain'), (text) => text === 'amazon.co.uk', 'the registrable domain');
    expect(await driver().backgroundRunning()).toBe(true);
    await popup.close();
    await page.close();
  });
});
