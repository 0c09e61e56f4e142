/**
 * Shared scenario (Chromium and Firefox): the cases of the old Chromium-only guard, vault, smoke and fill files that
 * the other scenarios did not cover yet — the popup's verdict on clear lookalikes (past the warning page), both
 * forms of an IDN host, "not a website", copy refused over a lookalike, and the in-field button (Chromium: filled
 * when nothing covers it, refused when something does; Firefox: no in-field button at all, as it cannot prove a click).
 */
import { describe, expect, it } from 'vitest';
import { type DriverPage, driverForThisFile } from '../harness/driver';
import { openLookalike } from '../harness/lookalike';
import { totpWindow } from '../harness/otp';
import { createVault, enrolLink, sendFrom } from '../harness/scenario-flows';
import { countOf, eventually, sleep, textOf } from '../harness/ui';

declare const chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } };

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const BROWSER = process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium';
const PLAIN = '<!doctype html><html><head><meta charset="utf-8"><title>Sign in</title></head><body><h1>Sign in</h1></body></html>';

let popup: DriverPage;
let accountId = '';
const driver = driverForThisFile(async (d) => {
  d.server.serve('*', '/', PLAIN);
  d.server.serve('www.amazon.com', '/otc', d.server.fixture('fill/one-time-code.html'));
  d.server.serve('www.amazon.com', '/covered', d.server.fixture('fill/covered.html'));
  popup = await createVault(d);
  accountId = await enrolLink(popup, `otpauth://totp/Amazon:shopper%40example.com?secret=${SECRET}&issuer=Amazon`, ['amazon.com']);
});

const badgeOf = (tabId: number) => driver().inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe(`the popup on clear lookalikes, past the warning page (${BROWSER})`, () => {
  it.each([
    ['https://amazon.com.verify-id.shop/', 'Amazon'],
    ['https://www.xn--mazon-3ve.com/', 'Amazon'],
  ])('%s: badge "!" and popup verdict "Warning: lookalike site"', async (url, brand) => {
    const page = await openLookalike(driver(), url);
    const tabId = await driver().tabIdOf(page);
    await eventually(() => badgeOf(tabId), (text) => text === '!', 'the badge');
    const view = await driver().openPopupFor(page);
    await eventually(() => textOf(view, 'verdict'), (text) => text === 'Warning: lookalike site', 'the verdict');
    expect(await textOf(view, 'imitates')).toContain(brand);
    await view.close();
    await page.close();
  });

  it('shows both forms of an IDN host (www.xn--mazon-3ve.com)', async () => {
    const page = await openLookalike(driver(), 'https://www.xn--mazon-3ve.com/');
    const view = await driver().openPopupFor(page);
    await eventually(() => textOf(view, 'unicode-host'), (text) => text === 'www.\u0430mazon.com', 'the Unicode host');
    expect(await textOf(view, 'ascii-host')).toBe('www.xn--mazon-3ve.com');
    expect(await textOf(view, 'registrable-domain')).toBe('\u0430mazon.com');
    expect(await textOf(view, 'ascii-registrable-domain')).toBe('xn--mazon-3ve.com');
    await view.close();
    await page.close();
  });

  it('says "not a website" for an IP address and for localhost', async () => {
    const port = driver().server.port;
    for (const url of [`https://127.0.0.1:${port}/`, `http://localhost:${port}/`]) {
      const page = await driver().openAt(url);
      const view = await driver().openPopupFor(page);
      await eventually(() => textOf(view, 'verdict'), (text) => text === 'Not a website', `the verdict for ${url}`);
      await view.close();
      await page.close();
    }
  });
});

describe(`copy, checked against the page in front by the background itself (${BROWSER})`, () => {
  it('refuses to copy over a lookalike, copies over the real site', async () => {
    const lookalike = await openLookalike(driver(), 'https://amazon-account-verify.com/');
    const over = await driver().openPopupFor(lookalike);
    await expect(sendFrom(over, { type: 'ui:copy-code', id: accountId })).rejects.toThrow(/^lookalike-page: .*imitates Amazon/);
    // A message cannot name another tab: the extra field is refused as a malformed message.
    await expect(sendFrom(over, { type: 'ui:copy-code', id: accountId, tabId: 1 })).rejects.toThrow(/^bad-shape/);
    await over.close();
    await lookalike.close();
    const real = await driver().openAt('https://www.amazon.com/');
    const view = await driver().openPopupFor(real);
    const copied = await sendFrom<{ code: string; warning?: string }>(view, { type: 'ui:copy-code', id: accountId });
    expect(totpWindow(SECRET, Date.now())).toContain(copied.code);
    expect(copied.warning).toBeUndefined();
    await view.close();
    await real.close();
  });
});

describe(`the in-field button (${BROWSER})`, () => {
  const fieldValue = (page: DriverPage, selector: string) => page.evaluate((css) => (document.querySelector(css) as HTMLInputElement).value, selector);
  /** Clicks where the in-field button sits (the field's right end), once it has stood still for 500 ms. */
  async function clickButtonOf(page: DriverPage, selector: string): Promise<void> {
    await eventually(() => countOf(page, 'otp-guard-fill'), (count) => count === 1, 'the in-field button');
    await sleep(700);
    const box = await page.evaluate((css) => {
      const rect = (document.querySelector(css) as HTMLElement).getBoundingClientRect();
      return { x: rect.x + rect.width - 15, y: rect.y + rect.height / 2 };
    }, selector);
    await page.clickAt(box.x, box.y);
  }

  it(
    BROWSER === 'firefox'
      ? 'Firefox: no in-field button (no IntersectionObserver v2 to prove a click real); fill goes through shortcut, menu, popup'
      : 'fills on a click of the in-field button when nothing covers it, refuses when something does',
    async () => {
      await sendFrom(popup, { type: 'ui:set-settings', patch: { autoFill: false } });
      try {
        const open = await driver().openAt('https://www.amazon.com/otc');
        if (BROWSER === 'firefox') {
          await eventually(() => countOf(open, 'otp-guard-banner, otp-guard-warning'), (count) => count === 0, 'no warning on the real site');
          await sleep(1_500); // ample time for a button to appear
          expect(await countOf(open, 'otp-guard-fill')).toBe(0);
          expect(await fieldValue(open, '#code')).toBe('');
          await open.close();
          return;
        }
        await clickButtonOf(open, '#code');
        const code = await eventually(() => fieldValue(open, '#code'), (value) => /^\d{6}$/.test(value), 'a code in #code', 10_000);
        expect(totpWindow(SECRET, Date.now())).toContain(code);
        await open.close();

        const covered = await driver().openAt('https://www.amazon.com/covered');
        await clickButtonOf(covered, '#covered-code');
        await sleep(1_500);
        expect(await fieldValue(covered, '#covered-code')).toBe('');
        await covered.close();
      } finally {
        await sendFrom(popup, { type: 'ui:set-settings', patch: { autoFill: true } });
      }
    },
  );
});
