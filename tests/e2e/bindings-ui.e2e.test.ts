/**
 * Bindings edited through the popup's own account editor, in a real browser (issue 11). One account,
 * enrolled on the whole of amazon.com (the old behaviour), first gets its code on www.amazon.com and on
 * signin.aws.amazon.com; the user then narrows it to `aws.amazon.com` in the editor (typing over the
 * site's row, pressing Save), and from then on signin.aws.amazon.com gets its code and www.amazon.com gets
 * nothing. Every case asserts what the page's own script saw (window.__seen), not what the extension believes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { createVaultThroughPopup, enrolLink, sendFromPopup } from './harness/flows';
import { totpWindow } from './harness/otp';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'bindings', name), 'utf8');
const AWS = { url: 'https://signin.aws.amazon.com/bindings/mfa', field: '#mfaCode' };
const SHOP = { url: 'https://www.amazon.com/bindings/mfa', field: '#auth-mfa-otpcode' };

let harness: Harness;
let popup: Page;

const pageSaw = (page: Page, field: string): Promise<{ origin: string; seen: string[]; value: string }> =>
  page.evaluate((selector) => {
    const seen = window as unknown as { __origin: string; __seen: string[] };
    return { origin: seen.__origin, seen: [...seen.__seen], value: (document.querySelector(selector) as HTMLInputElement).value };
  }, field);

/** Ample time for the engine to (wrongly) fill. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/** Opens the page; resolves with what its script saw once a code is in the field. */
async function filledOn(target: { url: string; field: string }) {
  const page = await harness.openAt(target.url);
  await expect.poll(async () => (await pageSaw(page, target.field)).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
  const saw = await pageSaw(page, target.field);
  await page.close();
  return saw;
}

beforeAll(async () => {
  harness = await launchHarness();
  harness.server.serve('signin.aws.amazon.com', '/bindings/mfa', fixture('aws-mfa.html'));
  harness.server.serve('www.amazon.com', '/bindings/mfa', fixture('amazon-mfa.html'));
  popup = await createVaultThroughPopup(harness);
  await enrolLink(popup, `otpauth://totp/Amazon:root%40example.com?secret=${SECRET}&issuer=Amazon`, ['amazon.com']);
});
afterAll(async () => harness?.close());

describe('narrowing an account to aws.amazon.com through the account editor', () => {
  it('control: bound to the whole of amazon.com, both pages get its code', async () => {
    for (const target of [AWS, SHOP]) {
      const saw = await filledOn(target);
      expect(saw.origin).toBe(new URL(target.url).origin);
      expect(totpWindow(SECRET, Date.now())).toContain(saw.value);
      expect(saw.seen).toContain(`change:${saw.value}`);
    }
  });

  it('the editor shows the whole site, takes aws.amazon.com over it, and the background stores that host', async () => {
    await popup.reload();
    await popup.getByRole('button', { name: 'Actions for Amazon (root@example.com)' }).click();
    await popup.getByRole('button', { name: 'Edit Amazon (root@example.com)' }).click();
    const sites = popup.getByRole('group', { name: 'Where this code is asked' });
    const row = sites.getByLabel('Site or host 1');
    expect(await row.inputValue()).toBe('amazon.com');
    expect(await sites.getByTestId('binding-row').first().textContent()).toContain('whole site');
    await row.fill('aws.amazon.com');
    expect(await sites.getByTestId('binding-row').first().textContent()).toContain('this host and below');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.getByTestId('notice').textContent(), { timeout: 10_000 }).toBe('Saved.');
    const list = await sendFromPopup<{ accounts: { domains: string[]; bindings?: string[] }[] }>(popup, { type: 'ui:list-accounts' });
    expect(list.accounts.map((account) => [account.domains, account.bindings])).toEqual([[['amazon.com'], ['aws.amazon.com']]]);
  });

  it('a refusal from the background shows next to the field, in the core’s words, and nothing changes', async () => {
    await popup.getByRole('button', { name: 'Actions for Amazon (root@example.com)' }).click();
    await popup.getByRole('button', { name: 'Edit Amazon (root@example.com)' }).click();
    const sites = popup.getByRole('group', { name: 'Where this code is asked' });
    await sites.getByLabel('Site or host 1').fill('aws.evil.com');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => sites.getByRole('alert').textContent(), { timeout: 10_000 }).toBe('“aws.evil.com” is not part of amazon.com.');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    const list = await sendFromPopup<{ accounts: { bindings?: string[] }[] }>(popup, { type: 'ui:list-accounts' });
    expect(list.accounts.map((account) => account.bindings)).toEqual([['aws.amazon.com']]);
  });

  it('then signin.aws.amazon.com gets the code, and the page saw only that code', async () => {
    const saw = await filledOn(AWS);
    expect(saw.origin).toBe('https://signin.aws.amazon.com');
    expect(totpWindow(SECRET, Date.now())).toContain(saw.value);
    expect(saw.seen).toContain(`change:${saw.value}`);
  });

  it('and www.amazon.com gets nothing any more: its script saw no event and no code', async () => {
    const page = await harness.openAt(SHOP.url);
    await settle();
    expect(await pageSaw(page, SHOP.field)).toEqual({ origin: 'https://www.amazon.com', seen: [], value: '' });
    await page.close();
  });
});
