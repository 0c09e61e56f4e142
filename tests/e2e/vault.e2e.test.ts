import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { createVaultThroughPopup, PASSWORD, sendFromPopup } from './harness/flows';
import { base32Bytes, totpWindow } from './harness/otp';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const LINK = `otpauth://totp/Amazon:shopper%40example.com?secret=${SECRET}&issuer=Amazon`;

declare const chrome: {
  storage: Record<'local' | 'session' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }>;
};

let harness: Harness;

async function revisionOf(popup: import('playwright-core').Page): Promise<number> {
  return (await sendFromPopup<{ revision: number }>(popup, { type: 'ui:list-accounts' })).revision;
}
async function firstAccountId(popup: import('playwright-core').Page): Promise<string> {
  return (await sendFromPopup<{ accounts: { id: string }[] }>(popup, { type: 'ui:list-accounts' })).accounts[0]?.id ?? '';
}
beforeAll(async () => {
  harness = await launchHarness();
});
afterAll(async () => harness?.close());

describe('the vault in a real browser', () => {
  it('creates a vault, enrols a pasted link, and shows the right code', async () => {
    const popup = await createVaultThroughPopup(harness);
    await popup.getByRole('button', { name: 'Add account' }).click();
    await popup.getByRole('tab', { name: 'Paste links' }).click();
    await popup.getByLabel('Links (otpauth://…), one per line').fill(LINK);
    await popup.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect.poll(() => popup.getByTestId('preview-row').count()).toBe(1);
    await popup.getByRole('button', { name: /^Save/ }).click();
    const code = popup.getByTestId('code').first();
    await code.waitFor();
    const shown = ((await code.textContent()) ?? '').replace(/\s/g, '');
    expect(totpWindow(SECRET, Date.now())).toContain(shown);
    await popup.close();
  });

  it('keeps the account and the unlocked session across a service-worker stop', async () => {
    await harness.stopServiceWorker();
    const popup = await harness.openPopupFor(null);
    await popup.getByTestId('account-row').first().waitFor({ timeout: 20_000 });
    expect(await popup.getByTestId('account-row').count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Lock now' }).count()).toBe(1);
    await popup.close();
  });

  it('copies a code only after the background checked the page in front itself: refused over a lookalike', async () => {
    harness.server.serve('*', '/', '<!doctype html><html><head><meta charset="utf-8"><title>Sign in</title></head><body><h1>Sign in</h1></body></html>');
    const lookalike = await harness.openAt('https://amazon-account-verify.com/');
    const over = await harness.openPopupFor(lookalike);
    const id = await firstAccountId(over);
    await expect(sendFromPopup(over, { type: 'ui:copy-code', id })).rejects.toThrow(/^lookalike-page: .*imitates Amazon/);
    // A message cannot name another tab any more: the extra field is refused as a malformed message.
    await expect(sendFromPopup(over, { type: 'ui:copy-code', id, tabId: 1 })).rejects.toThrow(/^bad-shape/);
    await over.close();
    await lookalike.close();
    const real = await harness.openAt('https://www.amazon.com/');
    const popup = await harness.openPopupFor(real);
    const copied = await sendFromPopup<{ code: string; warning?: string }>(popup, { type: 'ui:copy-code', id });
    expect(totpWindow(SECRET, Date.now())).toContain(copied.code);
    expect(copied.warning).toBeUndefined();
    await popup.close();
    await real.close();
  });

  it('stores the secret nowhere in plain form: not as base32, bytes, hex or base64', async () => {
    const worker = await harness.serviceWorker();
    const dump = await worker.evaluate(async () => {
      const areas = await Promise.all(['local', 'session', 'sync'].map((area) => chrome.storage[area as 'local'].get(null)));
      return JSON.stringify(areas);
    });
    const bytes = base32Bytes(SECRET);
    for (const form of [SECRET, SECRET.toLowerCase(), bytes.toString('hex'), bytes.toString('base64'), bytes.toString('latin1')]) {
      expect(dump.includes(form)).toBe(false);
    }
    expect(dump.length).toBeGreaterThan(500); // the vault is there, encrypted
  });

  it('syncs only ciphertext through storage.sync when sync is turned on', async () => {
    const popup = await harness.openPopupFor(null);
    await popup.getByTestId('account-row').first().waitFor({ timeout: 20_000 });
    await sendFromPopup(popup, { type: 'ui:set-settings', patch: { sync: true } });
    await sendFromPopup(popup, { type: 'ui:update-account', id: (await firstAccountId(popup)), issuer: 'Amazon.com', expectedRevision: await revisionOf(popup) });
    const worker = await harness.serviceWorker();
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.storage.sync.get(null))).length, { timeout: 15_000 })
      .toBeGreaterThan(1);
    const synced = JSON.stringify(await worker.evaluate(() => chrome.storage.sync.get(null)));
    const bytes = base32Bytes(SECRET);
    for (const form of [SECRET, bytes.toString('hex'), bytes.toString('base64'), 'shopper@example.com', 'Amazon.com']) {
      expect(synced.includes(form)).toBe(false);
    }
    await sendFromPopup(popup, { type: 'ui:set-settings', patch: { sync: false } });
    await popup.close();
  });

  it('locks with "Lock now" and refuses a wrong password with a clear message', async () => {
    const popup = await harness.openPopupFor(null);
    await popup.getByRole('button', { name: 'Lock now' }).click();
    await popup.getByLabel('Password', { exact: true }).fill('not the password');
    await popup.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toContain('Wrong password');
    await popup.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await popup.getByRole('button', { name: 'Unlock', exact: true }).click();
    await popup.getByTestId('account-row').first().waitFor({ timeout: 20_000 });
    await popup.close();
  });

  it('auto-locks after the idle time in the settings', async () => {
    const popup = await harness.openPopupFor(null);
    await popup.getByTestId('account-row').first().waitFor({ timeout: 20_000 });
    await sendFromPopup(popup, { type: 'ui:set-settings', patch: { autoLockMinutes: 0.05 } });
    await popup.close();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const later = await harness.openPopupFor(null);
    const status = await sendFromPopup<{ state: string }>(later, { type: 'ui:vault-status' });
    expect(status.state).toBe('locked');
    await later.getByLabel('Password', { exact: true }).waitFor();
    await later.close();
  });
});
