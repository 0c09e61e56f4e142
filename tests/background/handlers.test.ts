/** The handlers that release, copy or enrol, over the fake-browser Services (see fakes.ts). */
import { describe, expect, it, vi } from 'vitest';
import { copyCode } from '../../src/background/handlers/copy-code';
import { describeTab } from '../../src/background/handlers/describe-tab';
import { hello } from '../../src/background/handlers/hello';
import { scanTab } from '../../src/background/handlers/scan-tab';
import { trustSite } from '../../src/background/handlers/trust-site';
import { HandlerError, type ContentScriptSender, type ExtensionPageSender } from '../../src/messaging/router';
import { type Background, buildBackground, totpLink, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };
const LOOKALIKE = 'https://amazon-account-verify.com/ap/signin';
const AMAZON = 'https://www.amazon.com/ap/mfa';

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, got a reply');
}

async function withAmazon(): Promise<{ bg: Background; id: string }> {
  const bg = buildBackground();
  const [account] = await unlockedWith(bg, [['Amazon', ['amazon.com']]]);
  return { bg, id: account?.id ?? '' };
}

describe('ui:copy-code', () => {
  it('refuses while a lookalike page is in front, naming what it imitates', async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(LOOKALIKE);
    const refused = await refusal(copyCode(bg.services)({ type: 'ui:copy-code', id }, popup));
    expect(refused.code).toBe('lookalike-page');
    expect(refused.message).toContain('imitates Amazon');
  });

  it('refuses when the browser cannot say which page is in front (no check skipped)', async () => {
    const { bg, id } = await withAmazon();
    bg.front.tab = undefined;
    expect((await refusal(copyCode(bg.services)({ type: 'ui:copy-code', id }, popup))).code).toBe('no-front-tab');
  });

  it('refuses while locked, as "locked", even for an id it knew', async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(AMAZON);
    await bg.vault.lock();
    expect((await refusal(copyCode(bg.services)({ type: 'ui:copy-code', id }, popup))).code).toBe('locked');
  });

  it('refuses while the session is degraded (the accounts could not be read)', async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(AMAZON);
    const open = bg.vault.openVault();
    vi.spyOn(open as NonNullable<typeof open>, 'entries').mockResolvedValueOnce({ ok: false, error: { code: 'storage-failed', message: 'disk gone' } });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await bg.vault.reload();
    expect((await refusal(copyCode(bg.services)({ type: 'ui:copy-code', id }, popup))).code).toBe('degraded');
  });

  it("copies on the account's own site without a warning, and warns on another site", async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(AMAZON);
    const own = await copyCode(bg.services)({ type: 'ui:copy-code', id }, popup);
    expect(own.code).toMatch(/^\d{6}$/);
    expect(own.warning).toBeUndefined();
    bg.showTab('https://shop.example.com/');
    const elsewhere = await copyCode(bg.services)({ type: 'ui:copy-code', id }, popup);
    expect(elsewhere.warning).toContain('shop.example.com');
  });

  it('the check is of the tab the browser names, whatever tab the popup knew before', async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(AMAZON, 1);
    bg.showTab(LOOKALIKE, 2);
    expect((await refusal(copyCode(bg.services)({ type: 'ui:copy-code', id }, popup))).code).toBe('lookalike-page');
  });
});

describe('cs:hello', () => {
  const frame = (frameUrl: string, tabUrl: string, frameId = 3): ContentScriptSender => ({
    role: 'content-script',
    tabId: 7,
    frameId,
    frameUrl,
    tabUrl,
    origin: new URL(frameUrl).origin,
  });

  it("a real amazon.com frame inside a lookalike page is not fillable: the top page counts, from the browser's tab", async () => {
    const { bg } = await withAmazon();
    const state = await hello(bg.services)({ type: 'cs:hello' }, frame(AMAZON, LOOKALIKE));
    expect(state.fillable).toBe(false);
    expect(state.accounts).toEqual([]);
  });

  it('the same frame on amazon.com itself is fillable for the Amazon account', async () => {
    const { bg, id } = await withAmazon();
    bg.tabs.set(7, 'https://www.amazon.com/');
    bg.childFrames.set('7:3', AMAZON);
    const state = await hello(bg.services)({ type: 'cs:hello' }, frame(AMAZON, 'https://www.amazon.com/'));
    expect(state.fillable).toBe(true);
    expect(state.accounts.map((account) => account.id)).toEqual([id]);
  });

  it('a top frame on a lookalike gets the warning and the engine, and never an account', async () => {
    const { bg } = await withAmazon();
    const state = await hello(bg.services)({ type: 'cs:hello' }, frame(LOOKALIKE, LOOKALIKE, 0));
    expect(state.verdict).toBe('lookalike');
    expect(state.warning).toBeDefined();
    expect(state.accounts).toEqual([]);
    expect(bg.services.injectEngine).toHaveBeenCalledWith(7, 0);
  });

  it('while locked: no accounts, and fillable only as "unlock first" on a verified https page', async () => {
    const { bg } = await withAmazon();
    await bg.vault.lock();
    const state = await hello(bg.services)({ type: 'cs:hello' }, frame(AMAZON, 'https://www.amazon.com/'));
    expect(state).toMatchObject({ locked: true, accounts: [] });
    const onLookalike = await hello(bg.services)({ type: 'cs:hello' }, frame(AMAZON, LOOKALIKE));
    expect(onLookalike.fillable).toBe(false);
  });
});

describe('ui:scan-tab', () => {
  it('refuses a lookalike page in front before capturing anything', async () => {
    const { bg } = await withAmazon();
    bg.showTab('https://amazon-account-verify.com/ap/setup');
    expect((await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup))).code).toBe('lookalike-page');
    expect(bg.services.captureTab).not.toHaveBeenCalled();
  });

  it('refuses when there is no page in front, and while locked', async () => {
    const { bg } = await withAmazon();
    expect((await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup))).code).toBe('no-front-tab');
    bg.showTab(AMAZON);
    await bg.vault.lock();
    expect((await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup))).code).toBe('locked');
  });

  it('captures the tab in front and proposes its domain', async () => {
    const { bg } = await withAmazon();
    bg.showTab('https://www.etsy.com/your/account/security', 11);
    vi.mocked(bg.services.decodeQrImage).mockResolvedValueOnce([totpLink('Etsy')]);
    const reply = await scanTab(bg.services)({ type: 'ui:scan-tab' }, popup);
    expect(bg.services.captureTab).toHaveBeenCalledWith(11);
    expect(reply.previews).toHaveLength(1);
    expect(reply.previews[0]?.proposedDomains).toContain('etsy.com');
  });

  it('refuses when the page navigated during the capture', async () => {
    const { bg } = await withAmazon();
    bg.showTab('https://www.etsy.com/', 11);
    vi.mocked(bg.services.captureTab).mockImplementationOnce(async () => {
      bg.tabs.set(11, 'https://amazon-account-verify.com/');
      return 'data:image/png;base64,AAAA';
    });
    expect((await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup))).code).toBe('page-changed');
  });

  it('says so when there is no QR code', async () => {
    const { bg } = await withAmazon();
    bg.showTab('https://www.etsy.com/', 11);
    expect((await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup))).code).toBe('no-qr');
  });
});

describe('ui:describe-tab and ui:trust-site', () => {
  it('describe the page the browser has in front', async () => {
    const bg = buildBackground();
    bg.showTab(LOOKALIKE);
    expect((await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup)).verdict).toBe('lookalike');
    bg.front.tab = undefined;
    expect((await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup)).verdict).toBe('not-a-website');
  });

  it('trust the lookalike in front (when and why kept), and refuse an unknown site or nothing in front', async () => {
    const bg = buildBackground();
    bg.showTab(LOOKALIKE);
    const report = await trustSite(bg.services)({ type: 'ui:trust-site' }, popup);
    expect(report.trustedByUser).toBe(true);
    expect(await bg.services.trusted.entries((site) => site)).toEqual([
      { site: 'amazon-account-verify.com', unicodeSite: 'amazon-account-verify.com', reason: 'lookalike', trustedAt: bg.clock.now(), imitated: 'Amazon' },
    ]);
    bg.showTab('https://shop.example.com/');
    expect((await refusal(trustSite(bg.services)({ type: 'ui:trust-site' }, popup))).code).toBe('nothing-to-trust');
    bg.front.tab = undefined;
    expect((await refusal(trustSite(bg.services)({ type: 'ui:trust-site' }, popup))).code).toBe('nothing-to-trust');
  });
});
