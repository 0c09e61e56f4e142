/**
 * Shared scenario (Chromium and Firefox): adding accounts — a pasted link in the popup, a QR image and a Google
 * Authenticator export on the options page (file work lives there: Firefox closes the popup for a file chooser).
 * Each account's code is checked against one computed here.
 */
import { describe, expect, it } from 'vitest';
import { driverForThisFile, toolbarClickSupported } from '../harness/driver';
import { base32Bytes, totpWindow } from '../harness/otp';
import { googleMigrationLink, qrPng, qrSvg } from '../harness/qr';
import { codesOf, createVault, sendFrom } from '../harness/scenario-flows';
import { click, countOf, eventually, fill, located, textOf } from '../harness/ui';

const link = (issuer: string, secret: string) => `otpauth://totp/${issuer}:shopper%40example.com?secret=${secret}&issuer=${issuer}`;

function setupPage(otpauth: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Two-Step Verification</title></head>
<body style="margin:0;background:#fff"><h1 style="font:16px sans-serif">Scan this code with your authenticator app</h1>
${qrSvg(otpauth, 260)}</body></html>`;
}
const SCAN_SECRET = 'KRUGS4ZANFZSAYJAORSXGIDMMFZXIIDP';

const driver = driverForThisFile(async (d) => {
  // Another account name than the pasted link's, so the scan is not a duplicate of it.
  d.server.serve('www.amazon.com', '/ap/setup', setupPage(link('Amazon', SCAN_SECRET).replace('shopper%40', 'scanner%40')));
  d.server.serve('amazon-deals.xyz', '/ap/setup', setupPage(link('Amazon', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U')));
  await (await createVault(d)).close();
});
// "Scan this page" captures the tab, which needs activeTab from a real toolbar click: a test can make one in
// Chromium and Firefox ESR 153, not in ESR 140 (its BiDi ignores privileged scripts).
const canClickToolbar = await toolbarClickSupported();

describe(`adding accounts (${process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium'})`, () => {
  it('enrols a link pasted into the popup, with the sites proposed for its issuer', async () => {
    const secret = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF';
    const popup = await driver().openPopupFor(null);
    await click(popup, { button: 'Add account' });
    await click(popup, { tab: 'Paste links' });
    await fill(popup, { field: 'Links (otpauth://…), one per line' }, link('Amazon', secret));
    await click(popup, { button: 'Preview' });
    await eventually(() => countOf(popup, '[data-testid="preview-row"]'), (count) => count === 1, 'one preview row');
    await click(popup, { button: /^Save/ });
    await located(popup, { testId: 'account-row' });
    expect(totpWindow(secret, Date.now())).toContain((await codesOf(popup)).Amazon);
    const list = await sendFrom<{ accounts: { issuer: string; domains: string[] }[] }>(popup, { type: 'ui:list-accounts' });
    expect(list.accounts.find((account) => account.issuer === 'Amazon')?.domains).toContain('amazon.com');
    await popup.close();
  });

  it.skipIf(!canClickToolbar)('scans the QR code on an Amazon-like setup page after a toolbar click', async () => {
    const page = await driver().openAt('https://www.amazon.com/ap/setup');
    await driver().clickToolbarButton(page);
    const scanner = await driver().openPopupFor(page, { inWindow: true });
    await click(scanner, { button: 'Add account' });
    await click(scanner, { button: 'Scan this page' });
    await eventually(() => countOf(scanner, '[data-testid="preview-row"]'), (count) => count === 1, 'one preview row', 15_000);
    await click(scanner, { button: /^Save/ });
    const scanned = async () =>
      (await sendFrom<{ accounts: { code: string; label?: string; name?: string }[] }>(scanner, { type: 'ui:list-accounts' })).accounts.map(
        (account) => account.code,
      );
    const shown = await eventually(scanned, (list) => list.some((code) => totpWindow(SCAN_SECRET, Date.now()).includes(code)), 'the scanned account');
    expect(shown.length).toBe(2);
    await scanner.close();
    await page.close();
  });

  it.skipIf(!canClickToolbar)('refuses to enrol from a QR code on a lookalike host, and says why', async () => {
    const page = await driver().openAt('https://amazon-deals.xyz/ap/setup');
    await driver().clickToolbarButton(page);
    const scanner = await driver().openPopupFor(page, { inWindow: true });
    await click(scanner, { button: 'Add account' });
    await click(scanner, { button: 'Scan this page' });
    await eventually(() => textOf(scanner, 'source-problem'), (text) => (text ?? '').includes('imitates Amazon'), 'the refusal');
    expect(await countOf(scanner, '[data-testid="preview-row"]')).toBe(0);
    await scanner.close();
    await page.close();
  });

  it('enrols from a QR image chosen on the options page', async () => {
    const secret = 'ONSWG4TFOQQGM33SEBXWC5DIMVZHGIDB';
    const options = await driver().openExtensionPage('src/options/index.html#qr');
    await located(options, { css: '#options-image' });
    await options.setFiles('#options-image', [{ name: 'qr.png', mimeType: 'image/png', buffer: qrPng(link('Etsy', secret)) }]);
    const shown = await eventually(
      () => options.evaluate(() => ({ rows: document.querySelectorAll('[data-testid="preview-row"]').length, alert: document.querySelector('[role="alert"]')?.textContent ?? '' })),
      (state) => state.rows === 1 || state.alert !== '',
      'one preview row',
      15_000,
    );
    expect(shown).toEqual({ rows: 1, alert: '' });
    await click(options, { button: /^Save/ });
    const codes = await eventually(() => codesOf(options), (found) => Boolean(found.Etsy), 'the Etsy account');
    expect(totpWindow(secret, Date.now())).toContain(codes.Etsy);
    await options.close();
  });

  it('imports a Google Authenticator export on the options page', async () => {
    const secrets = ['GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U'] as const;
    const exported = googleMigrationLink([
      { secret: base32Bytes(secrets[0]), name: 'alice@example.com', issuer: 'PayPal' },
      { secret: base32Bytes(secrets[1]), name: 'bob@example.com', issuer: 'eBay' },
    ]);
    const options = await driver().openExtensionPage('src/options/index.html#import');
    await fill(options, { field: 'Or paste the export here' }, exported);
    await click(options, { button: 'Check the file' });
    await eventually(() => countOf(options, '[data-testid="preview-row"]'), (count) => count === 2, 'two preview rows', 15_000);
    await click(options, { button: /^Save/ });
    const codes = await eventually(() => codesOf(options), (found) => Boolean(found.PayPal && found.eBay), 'the two imported accounts');
    expect(totpWindow(secrets[0], Date.now())).toContain(codes.PayPal);
    expect(totpWindow(secrets[1], Date.now())).toContain(codes.eBay);
    await options.close();
  });
});
