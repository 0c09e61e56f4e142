import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Harness, launchHarness } from './harness/browser';
import { createVaultThroughPopup, sendFromPopup } from './harness/flows';
import { base32Bytes, totpWindow } from './harness/otp';
import { googleMigrationLink, qrPng, qrSvg } from './harness/qr';

const SETUP_SECRET = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF';
const setupLink = (issuer: string, secret: string) =>
  `otpauth://totp/${issuer}:shopper%40example.com?secret=${secret}&issuer=${issuer}`;

function setupPage(link: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Two-Step Verification</title></head>
<body style="margin:0;background:#fff"><h1 style="font:16px sans-serif">Scan this code with your authenticator app</h1>
${qrSvg(link, 260)}<p>Or enter this key: ${link.split('secret=')[1]?.split('&')[0]}</p></body></html>`;
}

let harness: Harness;
let popup: Page;

async function codesOf(page: Page): Promise<Record<string, string>> {
  const list = await sendFromPopup<{ accounts: { issuer: string; code: string }[] }>(page, { type: 'ui:list-accounts' });
  return Object.fromEntries(list.accounts.map((account) => [account.issuer, account.code]));
}

beforeAll(async () => {
  harness = await launchHarness();
  harness.server.serve('www.amazon.com', '/ap/setup', setupPage(setupLink('Amazon', SETUP_SECRET)));
  harness.server.serve('amazon-account-verify.com', '/ap/setup', setupPage(setupLink('Amazon', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U')));
  popup = await createVaultThroughPopup(harness);
});
afterAll(async () => harness?.close());

describe('enrolling accounts in a real browser', () => {
  it('scans the QR code on an Amazon-like setup page, proposes amazon.com, and shows the right code', async () => {
    const page = await harness.openAt('https://www.amazon.com/ap/setup');
    // The toolbar click grants activeTab; the popup in a window of its own keeps the setup page the
    // visible tab (the capture is of that), and the background finds it as the page in front.
    const scanner = await harness.openPopupFor(page);
    await scanner.getByRole('button', { name: 'Add account' }).click();
    await scanner.getByRole('button', { name: 'Scan this page' }).click();
    await scanner.getByTestId('preview-row').first().waitFor({ timeout: 15_000 });
    expect(await scanner.getByTestId('preview-row').count()).toBe(1);
    await scanner.getByRole('button', { name: /^Save/ }).click();
    await scanner.getByTestId('account-row').first().waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await codesOf(popup)).Amazon, { timeout: 15_000 }).toBeTruthy();
    expect(totpWindow(SETUP_SECRET, Date.now())).toContain((await codesOf(popup)).Amazon);
    const list = await sendFromPopup<{ accounts: { issuer: string; domains: string[] }[] }>(popup, { type: 'ui:list-accounts' });
    expect(list.accounts.find((account) => account.issuer === 'Amazon')?.domains).toContain('amazon.com');
    await scanner.close();
    await page.close();
  });

  it('refuses to enrol from a QR code on a lookalike host, and says why', async () => {
    const page = await harness.openAt('https://amazon-account-verify.com/ap/setup');
    const scanner = await harness.openPopupFor(page);
    await scanner.getByRole('button', { name: 'Add account' }).click();
    await scanner.getByRole('button', { name: 'Scan this page' }).click();
    await expect.poll(() => scanner.getByTestId('source-problem').textContent()).toContain('imitates Amazon');
    expect(await scanner.getByTestId('preview-row').count()).toBe(0);
    await scanner.close();
    await page.close();
  });

  it('enrols from an uploaded QR image', async () => {
    const secret = 'ONSWG4TFOQQGM33SEBXWC5DIMVZHGIDB';
    await popup.reload();
    await popup.getByRole('button', { name: 'Add account' }).click();
    await popup.getByRole('tab', { name: 'QR image' }).click();
    await popup.locator('input[type=file]').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: qrPng(setupLink('Etsy', secret)) });
    await expect.poll(() => popup.getByTestId('preview-row').count(), { timeout: 15_000 }).toBe(1);
    await popup.getByRole('button', { name: /^Save/ }).click();
    await expect.poll(async () => (await codesOf(popup)).Etsy).toBeTruthy();
    expect(totpWindow(secret, Date.now())).toContain((await codesOf(popup)).Etsy);
  });

  it('imports a Google Authenticator export on the options page', async () => {
    const secrets = ['GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U'];
    const link = googleMigrationLink([
      { secret: base32Bytes(secrets[0]!), name: 'alice@example.com', issuer: 'PayPal' },
      { secret: base32Bytes(secrets[1]!), name: 'bob@example.com', issuer: 'eBay' },
    ]);
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/src/options/index.html#import`);
    await options.getByLabel('Or paste the export here').fill(link);
    await options.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => options.getByTestId('preview-row').count(), { timeout: 15_000 }).toBe(2);
    await options.getByRole('button', { name: /^Save/ }).click();
    await expect.poll(async () => Object.keys(await codesOf(popup)).length, { timeout: 15_000 }).toBe(4);
    const codes = await codesOf(popup);
    expect(totpWindow(secrets[0]!, Date.now())).toContain(codes.PayPal);
    expect(totpWindow(secrets[1]!, Date.now())).toContain(codes.eBay);
    await options.close();
  });
});
