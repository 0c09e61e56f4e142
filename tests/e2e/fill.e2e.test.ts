/**
 * The fill engine in a real browser, on fixture pages served under real hostnames. Every positive case
 * asserts the exact code (computed here, independently); every negative case asserts that nothing was
 * filled, next to a positive control that shows the same page shape does get filled where it may.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { createVaultThroughPopup, enrolLink, sendFromPopup } from './harness/flows';
import { totpWindow } from './harness/otp';

const AMAZON_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const PAYPAL_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
/** A bank of the user's own, not in the catalogue, and (unlike amazon.com) not on the browser's HSTS preload list. */
const BANK_SECRET = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF';
const BANK_HOST = 'secure.northwind-bank.net';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'fill', name), 'utf8');
const vendor = (path: string) => readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', path), 'utf8');

let harness: Harness;
let popup: Page;

/** Waits until the field holds a code, and returns it. */
async function filledValue(frame: Page | Frame, selector: string): Promise<string> {
  await expect.poll(() => frame.locator(selector).inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
  return frame.locator(selector).inputValue();
}

/** Gives the engine ample time to (wrongly) fill, then returns what the field holds. */
async function valueAfterSettling(frame: Page | Frame, selector: string): Promise<string> {
  await frame.locator(selector).waitFor({ state: 'attached' });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return frame.locator(selector).inputValue();
}

beforeAll(async () => {
  harness = await launchHarness();
  const serve = (host: string, path: string, name: string) => harness.server.serve(host, path, fixture(name));
  for (const host of ['www.amazon.com', 'amazon-verify-account.com', BANK_HOST]) serve(host, '/ap/mfa', 'amazon-mfa.html');
  serve('www.amazon.com', '/otc', 'one-time-code.html');
  serve('www.paypal.com', '/authflow/challenge', 'paypal-split.html');
  serve('www.amazon.com', '/shadow', 'shadow.html');
  serve('www.amazon.com', '/late', 'late.html');
  serve('www.amazon.com', '/spa', 'spa.html');
  serve('www.amazon.com', '/frame-same', 'frame-same.html');
  serve('www.amazon.com', '/frame-cross', 'frame-cross.html');
  serve('widgets.example-cdn.net', '/otp', 'amazon-mfa.html');
  serve('www.amazon.com', '/checkout', 'checkout.html');
  serve('www.amazon.com', '/react', 'react.html');
  serve('www.amazon.com', '/covered', 'covered.html');
  harness.server.serve('www.amazon.com', '/vendor/react.js', { body: vendor('react/umd/react.production.min.js'), contentType: 'text/javascript' });
  harness.server.serve('www.amazon.com', '/vendor/react-dom.js', {
    body: vendor('react-dom/umd/react-dom.production.min.js'),
    contentType: 'text/javascript',
  });
  popup = await createVaultThroughPopup(harness);
  await enrolLink(popup, `otpauth://totp/Amazon:me%40example.com?secret=${AMAZON_SECRET}&issuer=Amazon`, ['amazon.com']);
  await enrolLink(popup, `otpauth://totp/PayPal:me%40example.com?secret=${PAYPAL_SECRET}&issuer=PayPal`, ['paypal.com']);
  await enrolLink(popup, `otpauth://totp/Northwind:me%40example.com?secret=${BANK_SECRET}&issuer=Northwind`, ['northwind-bank.net']);
});
afterAll(async () => harness?.close());

describe('filling on the account’s own site', () => {
  it('fills the Amazon MFA page (tel input named otpCode)', async () => {
    const page = await harness.openAt('https://www.amazon.com/ap/mfa?arb=abc&ie=UTF8');
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await filledValue(page, '#auth-mfa-otpcode'));
    await page.close();
  });

  it('fills a field with autocomplete="one-time-code"', async () => {
    const page = await harness.openAt('https://www.amazon.com/otc');
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await filledValue(page, '#code'));
    await page.close();
  });

  it('fills PayPal-style six split boxes, one digit each, in order', async () => {
    const page = await harness.openAt('https://www.paypal.com/authflow/challenge');
    await expect.poll(() => page.locator('input.box').last().inputValue(), { timeout: 10_000 }).toMatch(/^\d$/);
    const digits = await page.locator('input.box').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).join(''));
    expect(totpWindow(PAYPAL_SECRET, Date.now())).toContain(digits);
    await page.close();
  });

  it('fills a field inside an open shadow root', async () => {
    const page = await harness.openAt('https://www.amazon.com/shadow');
    const value = await expect
      .poll(() => page.evaluate(() => document.querySelector('otp-widget')?.shadowRoot?.querySelector('input')?.value ?? ''), {
        timeout: 10_000,
      })
      .toMatch(/^\d{6}$/)
      .then(() => page.evaluate(() => document.querySelector('otp-widget')?.shadowRoot?.querySelector('input')?.value ?? ''));
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(value);
    await page.close();
  });

  it('fills a field inserted two seconds after load', async () => {
    const page = await harness.openAt('https://www.amazon.com/late');
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await filledValue(page, '#late'));
    await page.close();
  });

  it('fills a field that an SPA route change brings', async () => {
    const page = await harness.openAt('https://www.amazon.com/spa');
    await page.locator('#go').click();
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await filledValue(page, '#spa-code'));
    await page.close();
  });

  it('fills a same-origin iframe', async () => {
    const page = await harness.openAt('https://www.amazon.com/frame-same');
    const frame = page.frameLocator('#f');
    await expect.poll(() => frame.locator('#auth-mfa-otpcode').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await frame.locator('#auth-mfa-otpcode').inputValue());
    await page.close();
  });

  it('keeps the value in a React controlled input after React re-renders', async () => {
    const page = await harness.openAt('https://www.amazon.com/react');
    const code = await filledValue(page, '#react-code');
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(code);
    const ticks = Number(await page.locator('#ticks').textContent());
    await expect.poll(async () => Number(await page.locator('#ticks').textContent())).toBeGreaterThan(ticks + 3);
    expect(await page.locator('#react-code').inputValue()).toBe(code);
    expect(await page.evaluate(() => (window as unknown as { reactState: string }).reactState)).toBe(code);
    await page.close();
  });
});

describe('never filling where it may not', () => {
  it('does not fill a cross-origin iframe from an unrelated domain on a legit page', async () => {
    const page = await harness.openAt('https://www.amazon.com/frame-cross');
    const frame = page.frames().find((candidate) => candidate.url().startsWith('https://widgets.example-cdn.net/'));
    expect(frame).toBeDefined();
    expect(await valueAfterSettling(frame as Frame, '#auth-mfa-otpcode')).toBe('');
    await page.close();
  });

  it('does not fill the Amazon page served at a lookalike host, and warns', async () => {
    const page = await harness.openAt('https://amazon-verify-account.com/ap/mfa');
    expect(await valueAfterSettling(page, '#auth-mfa-otpcode')).toBe('');
    expect(await page.locator('otp-guard-banner').count()).toBe(1);
    await page.close();
  });

  it('does not fill the http: version of the account’s own page (the https one is filled)', async () => {
    const secure = await harness.openAt(`https://${BANK_HOST}/ap/mfa`);
    expect(totpWindow(BANK_SECRET, Date.now())).toContain(await filledValue(secure, '#auth-mfa-otpcode'));
    await secure.close();
    const page = await harness.openAt(`http://${BANK_HOST}/ap/mfa`);
    expect(page.url()).toMatch(/^http:/);
    expect(await valueAfterSettling(page, '#auth-mfa-otpcode')).toBe('');
    await page.close();
  });

  it('does not fill a checkout page with only coupon and ZIP fields', async () => {
    const page = await harness.openAt('https://www.amazon.com/checkout');
    expect(await valueAfterSettling(page, '#coupon')).toBe('');
    expect(await page.locator('#zip').inputValue()).toBe('');
    expect(await page.locator('otp-guard-fill').count()).toBe(0);
    await page.close();
  });
});

describe('the in-field button and the typed-code guard', () => {
  it('fills on a click of the in-field button when nothing covers it, refuses when something does', async () => {
    await sendFromPopup(popup, { type: 'ui:set-settings', patch: { autoFill: false } });
    try {
      const clickButtonOf = async (page: Page, selector: string) => {
        const box = await page.locator(selector).boundingBox();
        if (!box) throw new Error('no field box');
        await page.locator('otp-guard-fill').waitFor({ state: 'attached' });
        await new Promise((resolve) => setTimeout(resolve, 700)); // the button must have stood still for 500 ms
        await page.mouse.click(box.x + box.width - 15, box.y + box.height / 2);
      };
      const open = await harness.openAt('https://www.amazon.com/otc');
      await clickButtonOf(open, '#code');
      expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await filledValue(open, '#code'));
      await open.close();

      const covered = await harness.openAt('https://www.amazon.com/covered');
      await clickButtonOf(covered, '#covered-code');
      expect(await valueAfterSettling(covered, '#covered-code')).toBe('');
      await covered.close();
    } finally {
      await sendFromPopup(popup, { type: 'ui:set-settings', patch: { autoFill: true } });
    }
  });

  it('holds back a code pasted into the lookalike page and asks first', async () => {
    const page = await harness.openAt('https://amazon-verify-account.com/ap/mfa');
    await page.locator('otp-guard-banner').waitFor({ state: 'attached' });
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://amazon-verify-account.com' });
    await page.evaluate(() => navigator.clipboard.writeText('Your Amazon code is 482 913'));
    await page.locator('#auth-mfa-otpcode').focus();
    await page.keyboard.press('Control+V');
    await page.locator('otp-guard-dialog').waitFor({ state: 'attached', timeout: 5_000 });
    expect(await page.locator('#auth-mfa-otpcode').inputValue()).toBe('');
    const pageSaw = await page.evaluate(() => (window as unknown as { pageSaw: string[] }).pageSaw.join(' '));
    expect(pageSaw).not.toContain('482');
    await page.close();
  });

  it('holds back a code typed into the lookalike page', async () => {
    const page = await harness.openAt('https://amazon-verify-account.com/ap/mfa');
    await page.locator('otp-guard-banner').waitFor({ state: 'attached' });
    await page.locator('#auth-mfa-otpcode').focus();
    await page.keyboard.type('731946');
    await page.locator('otp-guard-dialog').waitFor({ state: 'attached', timeout: 5_000 });
    expect(await page.locator('#auth-mfa-otpcode').inputValue()).toBe('');
    const pageSaw = await page.evaluate(() => (window as unknown as { pageSaw: string[] }).pageSaw.join(' '));
    expect(pageSaw).not.toMatch(/\d/);
    await page.close();
  });
});
