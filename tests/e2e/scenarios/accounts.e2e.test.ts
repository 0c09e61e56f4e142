/**
 * Shared scenario (Chromium and Firefox): adding accounts — a pasted link in the popup, a QR image and a Google
 * Authenticator export on the options page (file work lives there: Firefox closes the popup for a file chooser).
 * Each account's code is checked against one computed here.
 */
import { describe, expect, it } from 'vitest';
import { driverForThisFile } from '../harness/driver';
import { base32Bytes, totpWindow } from '../harness/otp';
import { googleMigrationLink, qrPng } from '../harness/qr';
import { codesOf, createVault, sendFrom } from '../harness/scenario-flows';
import { click, countOf, eventually, fill, located } from '../harness/ui';

const link = (issuer: string, secret: string) => `otpauth://totp/${issuer}:shopper%40example.com?secret=${secret}&issuer=${issuer}`;

const driver = driverForThisFile(async (d) => {
  await (await createVault(d)).close();
});

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
