/**
 * Store images from the built extension (run `node scripts/build.mjs` first), not part of `npm test`:
 *   npx tsx scripts/screenshots.ts
 * writes store/screenshots/*.png at 1280×800 (the real page in Chromium with OTP Guard's popup over it, as
 * the popup opens under the toolbar) and store/promo-tile-440x280.png (from store/promo-tile.svg).
 * Everything is served from 127.0.0.1 by the real-browser harness; nothing reaches the internet.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Page } from 'playwright-core';
import { launchHarness } from '../tests/e2e/harness/browser';
import { createVaultThroughPopup, enrolLink, sendFromPopup } from '../tests/e2e/harness/flows';
import { openPastWarning } from '../tests/e2e/harness/interstitial';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'store', 'screenshots');
const POPUP_WIDTH = 380;

const ACCOUNTS: [issuer: string, account: string, domains: string[]][] = [
  ['Amazon', 'alex.morgan@example.com', ['amazon.com']],
  ['PayPal', 'alex.morgan@example.com', ['paypal.com']],
  ['GitHub', 'amorgan', ['github.com']],
  ['Google', 'alex.morgan@example.com', ['google.com']],
  ['Microsoft', 'alex@contoso.example', ['microsoft.com', 'live.com']],
  ['Dropbox', 'alex.morgan@example.com', ['dropbox.com']],
  ['Coinbase', 'alex.morgan@example.com', ['coinbase.com']],
  ['Steam', 'alexm_1989', ['steampowered.com']],
  ['Discord', 'alexm#2044', ['discord.com']],
  ['Northwind Bank', 'Checking ••• 4410', ['northwind-bank.example']],
];
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const secretFor = (index: number) => Array.from({ length: 32 }, (_, i) => BASE32[(index * 11 + i * 7 + 3) % 32]).join('');

/** A plain shop sign-in page: what the user sees behind the popup. */
function signInPage(brand: string, color: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${brand}: Two-Step Verification</title>
<style>body{margin:0;font:15px/1.5 system-ui,sans-serif;background:#f3f4f6;color:#111}
header{background:${color};color:#fff;padding:14px 32px;font:700 22px system-ui}
.card{background:#fff;width:360px;margin:56px 0 0 120px;padding:28px 32px;border-radius:10px;border:1px solid #d5d9d9}
h1{font-size:24px;margin:0 0 8px}label{display:block;font-weight:600;margin:16px 0 6px}
input{font:20px ui-monospace,monospace;width:100%;box-sizing:border-box;padding:8px;border:1px solid #888;border-radius:4px;letter-spacing:4px}
button{margin-top:16px;width:100%;padding:10px;border:0;border-radius:6px;background:#ffd814;font:600 15px system-ui}</style></head>
<body><header>${brand}</header><div class="card"><h1>Two-Step Verification</h1>
<p>Enter the code from your authenticator app.</p><label for="otp">Enter code</label>
<input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
<button type="button">Sign in</button></div></body></html>`;
}

/** The popup's own rendering, cut to its content height (as the toolbar popup sizes itself). */
async function popupImage(popup: Page): Promise<Buffer> {
  await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
  await popup.evaluate(() => document.fonts.ready);
  // A store picture shows the screen at rest, without the keyboard focus ring of the search field.
  await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const height = await popup.evaluate(() => Math.min(600, Math.ceil(document.documentElement.scrollHeight)));
  return popup.screenshot({ clip: { x: 0, y: 0, width: POPUP_WIDTH, height } });
}

/** The page at 1280×800 with the popup where Chromium draws it: under the toolbar, at the right edge. */
async function compose(background: Buffer, popup: Buffer, page: Page, file: string): Promise<void> {
  const composer = await page.context().newPage();
  await composer.setViewportSize({ width: 1280, height: 800 });
  const url = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await composer.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative">
<img src="${url(background)}" style="position:absolute;inset:0;width:1280px;height:800px">
<img src="${url(popup)}" style="position:absolute;top:12px;right:16px;width:${POPUP_WIDTH}px;border-radius:8px;
box-shadow:0 8px 28px rgb(0 0 0 / .28),0 0 0 1px rgb(0 0 0 / .12)"></body></html>`);
  await composer.evaluate(() => Promise.all(Array.from(document.images, (image) => image.decode())));
  writeFileSync(join(OUT, file), await composer.screenshot({ type: 'png' }));
  await composer.close();
  console.log(`screenshots: wrote store/screenshots/${file}`);
}

async function shoot(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const harness = await launchHarness();
  try {
    harness.server.serve('www.amazon.com', '/ap/mfa', signInPage('amazon', '#131921'));
    harness.server.serve('www.amaz0n-account.com', '/ap/mfa', signInPage('amazon', '#131921'));
    harness.server.serve('www.example.org', '/', signInPage('Example news', '#3b4a6b'));
    const creator = await createVaultThroughPopup(harness);
    for (const [index, [issuer, account, domains]] of ACCOUNTS.entries()) {
      const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
      await enrolLink(creator, `otpauth://totp/${label}?secret=${secretFor(index)}&issuer=${encodeURIComponent(issuer)}`, domains);
    }
    await sendFromPopup(creator, { type: 'ui:set-settings', patch: { backupReminder: false } });
    await creator.close();

    const listReady = (popup: Page) => popup.getByTestId('account-row').nth(ACCOUNTS.length - 1).waitFor();
    const shots: [url: string, file: string, ready: (popup: Page) => Promise<unknown>, scheme: 'light' | 'dark'][] = [
      ['https://www.example.org/', 'codes-list.png', listReady, 'light'],
      ['https://www.amazon.com/ap/mfa', 'verified-page.png', (popup) => popup.getByTestId('brand').waitFor(), 'light'],
      ['https://www.amaz0n-account.com/ap/mfa', 'lookalike-warning.png', (popup) => popup.getByTestId('imitates').waitFor(), 'light'],
      ['https://www.amazon.com/ap/mfa', 'verified-page-dark.png', (popup) => popup.getByTestId('brand').waitFor(), 'dark'],
    ];
    for (const [url, file, ready, scheme] of shots) {
      // A clear lookalike opens OTP Guard's warning page first: the shot is of the page past it (banner and popup).
      const page = file === 'lookalike-warning.png' ? await openPastWarning(harness, url) : await harness.openAt(url);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await new Promise((resolve) => setTimeout(resolve, 800)); // the in-page banner, if any, settles
      const background = await page.screenshot({ type: 'png' });
      const popup = await harness.openPopupFor(page);
      await popup.emulateMedia({ colorScheme: scheme });
      await ready(popup);
      await compose(background, await popupImage(popup), page, file);
      await popup.close();
      await page.close();
    }
  } finally {
    await harness.close();
  }
}

function promoTile(): void {
  const svg = readFileSync(join(ROOT, 'store', 'promo-tile.svg'));
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 440 }, font: { loadSystemFonts: true } }).render().asPng();
  writeFileSync(join(ROOT, 'store', 'promo-tile-440x280.png'), png);
  console.log('screenshots: wrote store/promo-tile-440x280.png');
}

promoTile();
await shoot();
