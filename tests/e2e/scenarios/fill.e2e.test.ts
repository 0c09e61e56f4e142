/**
 * Shared scenario (Chromium and Firefox): the fill engine on the fixture pages, served under real hostnames.
 * Every positive case checks the exact code (computed here, independently) as the page's own script reads it;
 * every negative case checks that nothing was filled, next to a positive control of the same page shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DriverPage, driverForThisFile } from '../harness/driver';
import { totpWindow } from '../harness/otp';
import { createVault, enrolLink } from '../harness/scenario-flows';
import { click, countOf, eventually, sleep } from '../harness/ui';

const AMAZON_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const PAYPAL_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
/** A bank of the user's own: not in the catalogue and (unlike amazon.com) not HSTS-preloaded, so http stays http. */
const BANK_SECRET = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF';
const BANK_HOST = 'secure.northwind-bank.net';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'fill');
const vendor = (path: string) => readFileSync(join(import.meta.dirname, '..', '..', '..', 'node_modules', path), 'utf8');

const driver = driverForThisFile(async (d) => {
  const serve = (host: string, path: string, name: string) => d.server.serve(host, path, readFileSync(join(FIXTURES, name), 'utf8'));
  for (const host of ['www.amazon.com', 'amazon-deals.xyz', BANK_HOST]) serve(host, '/ap/mfa', 'amazon-mfa.html');
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
  d.server.serve('www.amazon.com', '/vendor/react.js', { body: vendor('react/umd/react.production.min.js'), contentType: 'text/javascript' });
  d.server.serve('www.amazon.com', '/vendor/react-dom.js', { body: vendor('react-dom/umd/react-dom.production.min.js'), contentType: 'text/javascript' });
  const popup = await createVault(d);
  await enrolLink(popup, `otpauth://totp/Amazon:me%40example.com?secret=${AMAZON_SECRET}&issuer=Amazon`, ['amazon.com']);
  await enrolLink(popup, `otpauth://totp/PayPal:me%40example.com?secret=${PAYPAL_SECRET}&issuer=PayPal`, ['paypal.com']);
  await enrolLink(popup, `otpauth://totp/Northwind:me%40example.com?secret=${BANK_SECRET}&issuer=Northwind`, ['northwind-bank.net']);
  await popup.close();
});

const fieldValue = (page: DriverPage, selector: string) =>
  page.evaluate((css) => (document.querySelector(css) as HTMLInputElement | null)?.value ?? null, selector);

/** Waits until the field holds a six-digit code, and returns it. */
const filledValue = (page: DriverPage, selector: string) =>
  eventually(() => fieldValue(page, selector), (value) => /^\d{6}$/.test(value ?? ''), `a code in ${selector}`, 10_000);

/** Gives the engine ample time to (wrongly) fill, then returns what the field holds. */
async function valueAfterSettling(page: DriverPage, selector: string): Promise<string | null> {
  await eventually(() => fieldValue(page, selector), (value) => value !== null, `${selector} to exist`);
  await sleep(1_500);
  return fieldValue(page, selector);
}

const codes = (secret: string) => totpWindow(secret, Date.now());

describe(`filling on the account’s own site (${process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium'})`, () => {
  it('fills the Amazon MFA page (tel input named otpCode)', async () => {
    const page = await driver().openAt('https://www.amazon.com/ap/mfa?arb=abc&ie=UTF8');
    expect(codes(AMAZON_SECRET)).toContain(await filledValue(page, '#auth-mfa-otpcode'));
    await page.close();
  });

  it('fills a field with autocomplete="one-time-code"', async () => {
    const page = await driver().openAt('https://www.amazon.com/otc');
    expect(codes(AMAZON_SECRET)).toContain(await filledValue(page, '#code'));
    await page.close();
  });

  it('fills PayPal-style six split boxes, one digit each, in order', async () => {
    const page = await driver().openAt('https://www.paypal.com/authflow/challenge');
    const digits = await eventually(
      () => page.evaluate(() => Array.from(document.querySelectorAll<HTMLInputElement>('input.box'), (box) => box.value).join('')),
      (value) => /^\d{6}$/.test(value),
      'six filled boxes',
      10_000,
    );
    expect(codes(PAYPAL_SECRET)).toContain(digits);
    await page.close();
  });

  it('fills a field inside an open shadow root', async () => {
    const page = await driver().openAt('https://www.amazon.com/shadow');
    const value = await eventually(
      () => page.evaluate(() => document.querySelector('otp-widget')?.shadowRoot?.querySelector('input')?.value ?? ''),
      (text) => /^\d{6}$/.test(text),
      'a code in the shadow field',
      10_000,
    );
    expect(codes(AMAZON_SECRET)).toContain(value);
    await page.close();
  });

  it('fills a field inserted two seconds after load', async () => {
    const page = await driver().openAt('https://www.amazon.com/late');
    expect(codes(AMAZON_SECRET)).toContain(await filledValue(page, '#late'));
    await page.close();
  });

  it('fills a field that an SPA route change brings', async () => {
    const page = await driver().openAt('https://www.amazon.com/spa');
    await click(page, { css: '#go' });
    expect(codes(AMAZON_SECRET)).toContain(await filledValue(page, '#spa-code'));
    await page.close();
  });

  it('fills a same-origin iframe', async () => {
    const page = await driver().openAt('https://www.amazon.com/frame-same');
    const value = await eventually(
      () => page.evaluateInFrame('https://www.amazon.com/ap/mfa', () => (document.querySelector('#auth-mfa-otpcode') as HTMLInputElement).value),
      (text) => /^\d{6}$/.test(text),
      'a code in the framed field',
      10_000,
    );
    expect(codes(AMAZON_SECRET)).toContain(value);
    await page.close();
  });

  it('keeps the value in a React controlled input after React re-renders', async () => {
    const page = await driver().openAt('https://www.amazon.com/react');
    const code = await filledValue(page, '#react-code');
    expect(codes(AMAZON_SECRET)).toContain(code);
    const ticks = Number(await page.evaluate(() => document.querySelector('#ticks')?.textContent));
    await eventually(() => page.evaluate(() => Number(document.querySelector('#ticks')?.textContent)), (now) => now > ticks + 3, 'React to re-render');
    expect(await fieldValue(page, '#react-code')).toBe(code);
    expect(await page.evaluate(() => (window as unknown as { reactState: string }).reactState)).toBe(code);
    await page.close();
  });
});

describe(`never filling where it may not (${process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium'})`, () => {
  it('does not fill a cross-origin iframe from an unrelated domain on a legit page', async () => {
    const page = await driver().openAt('https://www.amazon.com/frame-cross');
    const read = () =>
      page.evaluateInFrame('https://widgets.example-cdn.net/', () => (document.querySelector('#auth-mfa-otpcode') as HTMLInputElement | null)?.value ?? null);
    await eventually(read, (value) => value !== null, 'the framed field');
    await sleep(1_500);
    expect(await read()).toBe('');
    await page.close();
  });

  it('does not fill the Amazon page served at a lookalike host, and warns', async () => {
    const page = await driver().openAt('https://amazon-deals.xyz/ap/mfa');
    expect(await valueAfterSettling(page, '#auth-mfa-otpcode')).toBe('');
    expect(await countOf(page, 'otp-guard-banner')).toBe(1);
    await page.close();
  });

  it('does not fill the http: version of the account’s own page (the https one is filled)', async () => {
    const secure = await driver().openAt(`https://${BANK_HOST}/ap/mfa`);
    expect(codes(BANK_SECRET)).toContain(await filledValue(secure, '#auth-mfa-otpcode'));
    await secure.close();
    const page = await driver().openAt(`http://${BANK_HOST}/ap/mfa`);
    expect(await page.evaluate(() => location.protocol)).toBe('http:');
    expect(await valueAfterSettling(page, '#auth-mfa-otpcode')).toBe('');
    await page.close();
  });

  it('does not fill a checkout page with only coupon and ZIP fields', async () => {
    const page = await driver().openAt('https://www.amazon.com/checkout');
    expect(await valueAfterSettling(page, '#coupon')).toBe('');
    expect(await fieldValue(page, '#zip')).toBe('');
    expect(await countOf(page, 'otp-guard-fill')).toBe(0);
    await page.close();
  });
});
