/**
 * Shared scenario (Chromium and Firefox): the vault through the popup — first run, a pasted link, the right
 * code, lock, a wrong password, auto-lock — and what survives the background being suspended and woken.
 */
import { describe, expect, it } from 'vitest';
import { driverForThisFile } from '../harness/driver';
import { base32Bytes, totpWindow } from '../harness/otp';
import { createVault, PASSWORD, popupState, sendFrom, waitForPopupState } from '../harness/scenario-flows';
import { click, countOf, eventually, fill, located, sleep, textOf } from '../harness/ui';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const LINK = `otpauth://totp/Amazon:shopper%40example.com?secret=${SECRET}&issuer=Amazon`;

declare const chrome: { storage: Record<'local' | 'session' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }> };

const driver = driverForThisFile();

describe(`the vault (${process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium'})`, () => {
  it('creates a vault, enrols a pasted link, and shows the right code', async () => {
    const popup = await createVault(driver());
    await click(popup, { button: 'Add account' });
    await click(popup, { tab: 'Paste links' });
    await fill(popup, { field: 'Links (otpauth://…), one per line' }, LINK);
    await click(popup, { button: 'Preview' });
    await eventually(() => countOf(popup, '[data-testid="preview-row"]'), (count) => count === 1, 'one preview row');
    await click(popup, { button: /^Save/ });
    await located(popup, { testId: 'code' });
    const shown = ((await textOf(popup, 'code')) ?? '').replace(/\s/g, '');
    expect(totpWindow(SECRET, Date.now())).toContain(shown);
    await popup.close();
  });

  it('keeps the account and the unlocked session across a suspended and woken background', async () => {
    await driver().suspendBackground();
    const popup = await driver().openPopupFor(null);
    expect(await popupState(popup)).toBe('unlocked');
    await located(popup, { testId: 'account-row' });
    expect(await countOf(popup, '[data-testid="account-row"]')).toBe(1);
    expect(await driver().backgroundRunning()).toBe(true);
    await popup.close();
  });

  it('stores the secret nowhere in plain form: not as base32, bytes, hex or base64', async () => {
    const dump = await driver().inExtension(async () => {
      const areas = await Promise.all((['local', 'session', 'sync'] as const).map((area) => chrome.storage[area].get(null)));
      return JSON.stringify(areas);
    });
    const bytes = base32Bytes(SECRET);
    for (const form of [SECRET, SECRET.toLowerCase(), bytes.toString('hex'), bytes.toString('base64'), bytes.toString('latin1')]) {
      expect(dump.includes(form)).toBe(false);
    }
    expect(dump.length).toBeGreaterThan(500); // the vault is there, encrypted
  });

  it('syncs only ciphertext through storage.sync when sync is turned on', async () => {
    const popup = await driver().openPopupFor(null);
    expect(await popupState(popup)).toBe('unlocked');
    const list = await sendFrom<{ revision: number; accounts: { id: string }[] }>(popup, { type: 'ui:list-accounts' });
    await sendFrom(popup, { type: 'ui:set-settings', patch: { sync: true } });
    await sendFrom(popup, { type: 'ui:update-account', id: list.accounts[0]?.id, issuer: 'Amazon.com', expectedRevision: list.revision });
    const synced = await eventually(
      () => driver().inExtension(() => chrome.storage.sync.get(null)),
      (items) => Object.keys(items).length > 1,
      'the vault in storage.sync',
    );
    const text = JSON.stringify(synced);
    const bytes = base32Bytes(SECRET);
    for (const form of [SECRET, bytes.toString('hex'), bytes.toString('base64'), 'shopper@example.com', 'Amazon.com']) {
      expect(text.includes(form)).toBe(false);
    }
    await sendFrom(popup, { type: 'ui:set-settings', patch: { sync: false } });
    await popup.close();
  });

  it('locks with "Lock now" and refuses a wrong password with a clear message', async () => {
    const popup = await driver().openPopupFor(null);
    expect(await popupState(popup)).toBe('unlocked');
    await click(popup, { button: 'Lock now' });
    await waitForPopupState(popup, 'locked');
    await fill(popup, { field: 'Password' }, 'not the password');
    await click(popup, { button: 'Unlock' });
    await eventually(
      () => popup.evaluate(() => document.querySelector('[role="alert"]')?.textContent ?? ''),
      (text) => text.includes('Wrong password'),
      'the wrong-password message',
      20_000,
    );
    await fill(popup, { field: 'Password' }, PASSWORD);
    await click(popup, { button: 'Unlock' });
    await located(popup, { testId: 'account-row' }, 20_000);
    await popup.close();
  });

  it('auto-locks after the idle time in the settings, also with the background asleep', async () => {
    const popup = await driver().openPopupFor(null);
    expect(await popupState(popup)).toBe('unlocked');
    await sendFrom(popup, { type: 'ui:set-settings', patch: { autoLockMinutes: 0.05 } });
    await popup.close();
    await sleep(4_000);
    const later = await driver().openPopupFor(null);
    expect((await sendFrom<{ state: string }>(later, { type: 'ui:vault-status' })).state).toBe('locked');
    expect(await popupState(later)).toBe('locked');
    await later.close();
    await driver().suspendBackground();
    const woken = await driver().openPopupFor(null);
    expect(await popupState(woken)).toBe('locked');
    await woken.close();
  });
});
