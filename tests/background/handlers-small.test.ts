/**
 * What the last survivors of unlock, export-account-qr, held-code, trust-site and restore-backup showed
 * untested: the degraded unlock, the QR's colours, a lookalike frame on a real top page, the refusal words.
 */
import { describe, expect, it, vi } from 'vitest';
import { exportAccountQr } from '../../src/background/handlers/export-account-qr';
import { confirmHeldCode, describeHeldCode } from '../../src/background/handlers/held-code';
import { restoreBackup } from '../../src/background/handlers/restore-backup';
import { trustSite } from '../../src/background/handlers/trust-site';
import { unlock } from '../../src/background/handlers/unlock';
import { createGuardHolder } from '../../src/background/guard-holder';
import type { Services } from '../../src/background/services';
import { HeldCodeConfirmations } from '../../src/background/warnings/held-codes';
import { LOCK_AT_KEY } from '../../src/background/session/auto-lock';
import { HandlerError, type ContentScriptSender, type ExtensionPageSender } from '../../src/messaging/router';
import { buildBackground, PASSWORD, restartWorker, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, got a reply');
}

describe('ui:unlock', () => {
  it('unlocked but the accounts unreadable: locked again, with a clear storage-failed refusal', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    vi.spyOn(bg.vault, 'degraded', 'get').mockReturnValue('disk gone');
    expect(await refusal(unlock(bg.services)({ type: 'ui:unlock', password: PASSWORD }, popup))).toEqual({
      code: 'storage-failed',
      message: 'The accounts could not be read, so OTP Guard stayed locked. Try again.',
    });
    expect(bg.vault.unlocked).toBe(false);
  });

  it('a deadline that cannot be stored is logged and refused as storage-failed', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    const set = bg.session.set.bind(bg.session);
    bg.session.set = async (items) => {
      if (LOCK_AT_KEY in items) throw new Error('quota');
      return set(items);
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await refusal(unlock(bg.services)({ type: 'ui:unlock', password: PASSWORD }, popup))).toEqual({
      code: 'storage-failed',
      message: 'OTP Guard could not start its auto-lock timer, so it stayed locked. Try again.',
    });
    expect(logged).toHaveBeenCalledWith('[otp-guard] unlock: auto-lock deadline not stored', expect.any(Error));
    expect(await restartWorker(bg).vault.resume()).toBe(false);
    logged.mockRestore();
  });
});

describe('ui:export-account-qr', () => {
  it('draws black modules on white, 256 px square', async () => {
    const bg = buildBackground();
    const [account] = await unlockedWith(bg);
    const { svg } = await exportAccountQr(bg.services)({ type: 'ui:export-account-qr', id: account?.id ?? '', password: PASSWORD }, popup);
    expect(svg).toContain('black');
    expect(svg).toContain('white');
    expect(svg).toMatch(/width="256"/);
    expect(svg).toMatch(/height="256"/);
  });
});

describe('cs:confirm-held-code', () => {
  const sender = (frameUrl: string, tabUrl?: string): ContentScriptSender => ({
    role: 'content-script',
    tabId: 7,
    frameId: tabUrl ? 4 : 0,
    frameUrl,
    ...(tabUrl ? { tabUrl } : {}),
  });

  it('a lookalike frame inside a real top page is asked about, by what the frame imitates', async () => {
    const confirmations = new HeldCodeConfirmations({
      newId: () => 'request-1',
      pageUrl: (id) => `chrome-extension://x/src/confirm/index.html?request=${id}`,
      timeoutMs: 60_000,
      windows: { open: async () => 1, close: async () => undefined },
    });
    const services = { guard: createGuardHolder(), warnings: { heldCodes: confirmations }, tabUrl: async () => undefined } as unknown as Services;
    const answer = confirmHeldCode(services)({ type: 'cs:confirm-held-code', digits: 6 }, sender('https://amazon-verify-account.com/ap/mfa', 'https://www.example.org/'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(confirmations.openCount).toBe(1);
    const question = await describeHeldCode(services)({ type: 'ui:held-code-describe', requestId: 'request-1' }, popup);
    expect(question.headline).toMatch(/^This is not amazon\.com\./);
    expect(question.page.unicodeHost).toBe('amazon-verify-account.com');
    expect(confirmations.cancel({ tabId: 7, frameId: 4 })).toBe(true);
    await expect(answer).resolves.toEqual({ choice: 'discard' });
  });

  it('refuses a page that is not a lookalike, and a closed question, in words', async () => {
    const bg = buildBackground();
    expect(await refusal(confirmHeldCode(bg.services)({ type: 'cs:confirm-held-code', digits: 6 }, sender('https://www.amazon.com/ap/mfa')))).toEqual({
      code: 'not-a-lookalike',
      message: 'This page is not one OTP Guard holds codes for.',
    });
    expect(await refusal(describeHeldCode(bg.services)({ type: 'ui:held-code-describe', requestId: 'gone' }, popup))).toEqual({
      code: 'question-closed',
      message: 'This question is closed: the code was not entered.',
    });
  });
});

describe('ui:trust-site and ui:restore-backup refusals', () => {
  it('say what can be trusted, and what to do when the backup check expired', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.showTab('https://shop.example.com/');
    expect(await refusal(trustSite(bg.services)({ type: 'ui:trust-site' }, popup))).toEqual({
      code: 'nothing-to-trust',
      message: 'Only a site that OTP Guard warns about can be trusted.',
    });
    expect(await refusal(restoreBackup(bg.services)({ type: 'ui:restore-backup', token: 'gone', mode: 'merge' }, popup))).toEqual({
      code: 'expired',
      message: 'Choose the backup file again: this check has expired.',
    });
  });
});
