/** Issue 15's background parts: clipboard clearing, trusted sites with undo, check any link, export for other apps. */
import { describe, expect, it, vi } from 'vitest';
import { CLIPBOARD_ALARM, CLIPBOARD_DUE_KEY, ClipboardClearing } from '../../src/background/clipboard-clear';
import { checkLink, menuLink } from '../../src/background/handlers/check-link';
import { clipboardStatus } from '../../src/background/handlers/clipboard-status';
import { copyCode } from '../../src/background/handlers/copy-code';
import { describeTab } from '../../src/background/handlers/describe-tab';
import { exportForApps } from '../../src/background/handlers/export-for-apps';
import { trustSite } from '../../src/background/handlers/trust-site';
import { listTrustedSites, untrustSite } from '../../src/background/handlers/trusted-sites';
import { HIDDEN_PAGE_URL } from '../../src/background/front-tab';
import { DEFAULT_SETTINGS, SettingsStore } from '../../src/background/settings';
import { TRUSTED_NOTES_KEY, TRUSTED_SITES_KEY, TrustedSites } from '../../src/background/trusted-sites';
import { parseAegisPlain } from '../../src/core/otp/import/aegis';
import { parseOtpauthList } from '../../src/core/otp/otpauth';
import { HandlerError, type ExtensionPageSender } from '../../src/messaging/router';
import { fakeBrowser } from '@webext-core/fake-browser';
import { type Background, buildBackground, PASSWORD, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };
const LOOKALIKE = 'https://amazon-account-verify.com/ap/signin';
const AMAZON = 'https://www.amazon.com/ap/mfa';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal, got a reply');
}

async function withAmazon(): Promise<{ bg: Background; id: string }> {
  const bg = buildBackground();
  const [account] = await unlockedWith(bg, [['Amazon', ['amazon.com']]]);
  return { bg, id: account?.id ?? '' };
}

describe('the clipboard clears itself', () => {
  it('copy schedules the clear at the time in the settings; the alarm clears our code, once', async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(AMAZON);
    const reply = await copyCode(bg.services)({ type: 'ui:copy-code', id }, popup);
    expect(reply.clearsAt).toBe(bg.clock.now() + 30_000);
    expect(bg.alarms.set.get(CLIPBOARD_ALARM)).toBe(reply.clearsAt);
    bg.clipboardText.value = reply.code;
    await bg.services.clipboard.clearIfDue(); // too early: nothing happens
    expect(bg.clipboardText.value).toBe(reply.code);
    expect((await clipboardStatus(bg.services)({ type: 'ui:clipboard-status' }, popup)).state).toBe('pending');
    bg.clock.advance(30_000);
    await bg.services.clipboard.clearIfDue();
    expect(bg.clipboardText.value).toBe(' ');
    expect(await clipboardStatus(bg.services)({ type: 'ui:clipboard-status' }, popup)).toEqual({ state: 'cleared', at: bg.clock.now() });
    await bg.services.clipboard.clearIfDue(); // the timer after the alarm: nothing left to do
    expect(bg.eraser.erase).toHaveBeenCalledTimes(1);
  });

  it('leaves what the user copied since, and says so', async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(AMAZON);
    await copyCode(bg.services)({ type: 'ui:copy-code', id }, popup);
    bg.clipboardText.value = 'the user’s own text';
    bg.clock.advance(30_000);
    await bg.services.clipboard.clearIfDue();
    expect(bg.clipboardText.value).toBe('the user’s own text');
    expect((await bg.services.clipboard.status()).state).toBe('changed');
  });

  it('survives a stopped worker: what is due is in session storage', async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(AMAZON);
    const { code } = await copyCode(bg.services)({ type: 'ui:copy-code', id }, popup);
    expect(await bg.session.get(CLIPBOARD_DUE_KEY)).toEqual({ [CLIPBOARD_DUE_KEY]: { code, at: bg.clock.now() + 30_000 } });
    const erase = vi.fn(async () => 'cleared' as const);
    const later = new ClipboardClearing(bg.session, bg.alarms, bg.clock, { erase });
    bg.clock.advance(31_000);
    await later.clearIfDue();
    expect(erase).toHaveBeenCalledWith(code);
  });

  it('does not clear when the setting is 0, and a failing eraser ends "failed", not thrown', async () => {
    const { bg, id } = await withAmazon();
    bg.showTab(AMAZON);
    await bg.services.settings.update({ clipboardClearSeconds: 0 });
    expect((await copyCode(bg.services)({ type: 'ui:copy-code', id }, popup)).clearsAt).toBeUndefined();
    const clearing = new ClipboardClearing(bg.session, bg.alarms, bg.clock, {
      erase: async () => {
        throw new Error('no offscreen document');
      },
    });
    await clearing.schedule('123456', 5);
    bg.clock.advance(5_000);
    await clearing.clearIfDue();
    expect((await clearing.status()).state).toBe('failed');
  });

  it('keeps the setting in range: 0 or 5–600 whole seconds, else the default', async () => {
    const store = new SettingsStore(fakeBrowser.storage.local);
    expect((await store.get()).clipboardClearSeconds).toBe(DEFAULT_SETTINGS.clipboardClearSeconds);
    expect((await store.update({ clipboardClearSeconds: 5 })).clipboardClearSeconds).toBe(5);
    expect((await store.update({ clipboardClearSeconds: 0 })).clipboardClearSeconds).toBe(0);
    expect((await store.update({ clipboardClearSeconds: 2 })).clipboardClearSeconds).toBe(30);
    expect((await store.update({ clipboardClearSeconds: 7.5 })).clipboardClearSeconds).toBe(30);
  });
});

describe('the page in front without the tabs permission', () => {
  it('a hidden address (chrome://, the new-tab page) is "not a website", and copying works there', async () => {
    const { bg, id } = await withAmazon();
    bg.front.tab = { id: 3, url: HIDDEN_PAGE_URL };
    expect((await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup)).verdict).toBe('not-a-website');
    const reply = await copyCode(bg.services)({ type: 'ui:copy-code', id }, popup);
    expect(reply.code).toMatch(/^\d{6}$/);
    expect(reply.warning).toBeUndefined();
  });
});

describe('trusted sites with undo', () => {
  it('lists a trusted lookalike with when and why; removing it makes the page a lookalike again', async () => {
    const bg = buildBackground();
    bg.showTab(LOOKALIKE);
    await trustSite(bg.services)({ type: 'ui:trust-site' }, popup);
    expect((await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup)).verdict).toBe('unknown');
    const { sites } = await listTrustedSites(bg.services)({ type: 'ui:list-trusted-sites' }, popup);
    expect(sites).toEqual([
      { site: 'amazon-account-verify.com', unicodeSite: 'amazon-account-verify.com', reason: 'lookalike', trustedAt: bg.clock.now(), imitated: 'Amazon' },
    ]);
    vi.mocked(bg.services.broadcastPageState).mockClear();
    const after = await untrustSite(bg.services)({ type: 'ui:untrust-site', site: 'amazon-account-verify.com' }, popup);
    expect(after.sites).toEqual([]);
    expect(bg.services.broadcastPageState).toHaveBeenCalledTimes(1);
    const report = await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup);
    expect(report.verdict).toBe('lookalike');
    expect(report.trustedByUser).toBe(false);
  });

  it('reads trusts kept before dates were recorded as "earlier", and shows IDNs in Unicode', async () => {
    await fakeBrowser.storage.local.set({ [TRUSTED_SITES_KEY]: ['xn--mazon-3ve.com'], [TRUSTED_NOTES_KEY]: { x: 'junk' } });
    const trusted = new TrustedSites(fakeBrowser.storage.local);
    const bg = buildBackground();
    expect(await trusted.entries((site) => site)).toEqual([{ site: 'xn--mazon-3ve.com', unicodeSite: 'xn--mazon-3ve.com', reason: 'earlier' }]);
    await bg.services.trusted.add('xn--mazon-3ve.com');
    const { sites } = await listTrustedSites(bg.services)({ type: 'ui:list-trusted-sites' }, popup);
    expect(sites[0]?.unicodeSite).toBe('\u0430mazon.com');
  });
});

describe('check any link', () => {
  it('judges the link in a pasted message, like the page panel', async () => {
    const bg = buildBackground();
    const checked = await checkLink(bg.services)(
      { type: 'ui:check-link', text: 'Amazon: your order is held. Verify at amazon-account-verify.com/ap/signin?x=1 today.' },
      popup,
    );
    expect(checked.checked).toBe('amazon-account-verify.com/ap/signin?x=1');
    expect(checked.report.verdict).toBe('lookalike');
    expect(checked.report.imitates?.name).toBe('Amazon');
    expect((await checkLink(bg.services)({ type: 'ui:check-link', text: 'https://www.amazon.com/gp/css' }, popup)).report.verdict).toBe('verified');
    expect(await refusal(checkLink(bg.services)({ type: 'ui:check-link', text: 'call me back later' }, popup))).toBe('bad-domain');
  });

  it('the right-click window shows the link the browser reported, and nothing without one', async () => {
    const bg = buildBackground();
    expect(await refusal(menuLink(bg.services)({ type: 'ui:menu-link' }, popup))).toBe('not-found');
    await bg.services.menuLink.remember('https://amazon-account-verify.com/');
    expect((await menuLink(bg.services)({ type: 'ui:menu-link' }, popup)).report.verdict).toBe('lookalike');
    bg.clock.advance(11 * 60_000);
    expect(await refusal(menuLink(bg.services)({ type: 'ui:menu-link' }, popup))).toBe('not-found');
  });
});

describe('export for other apps', () => {
  it('needs the password; both files give back every account when imported', async () => {
    const bg = buildBackground();
    const accounts = await unlockedWith(bg, [
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    const exporter = exportForApps(bg.services);
    expect(await refusal(exporter({ type: 'ui:export-for-apps', password: 'wrong', format: 'otpauth' }, popup))).toBe('wrong-password');
    const links = await exporter({ type: 'ui:export-for-apps', password: PASSWORD, format: 'otpauth' }, popup);
    expect(links.accounts).toBe(2);
    expect(links.fileName).toMatch(/^otp-guard-export-\d{4}-\d\d-\d\d-otpauth\.txt$/);
    const parsed = parseOtpauthList(links.fileText).map((entry) => (entry.result.ok ? entry.result.value : null));
    expect(parsed.map((draft) => draft?.issuer)).toEqual(['Amazon', 'GitHub']);
    expect(parsed.map((draft) => draft?.otp.secret)).toEqual(accounts.map((account) => account.otp.secret));

    const aegis = await exporter({ type: 'ui:export-for-apps', password: PASSWORD, format: 'aegis' }, popup);
    const imported = parseAegisPlain(aegis.fileText);
    expect(imported.ok && imported.value.accounts.map((draft) => [draft.issuer, draft.accountName, draft.otp])).toEqual(
      accounts.map((account) => [account.issuer, account.accountName, account.otp]),
    );
    const uuids = (JSON.parse(aegis.fileText) as { db: { entries: { uuid: string }[] } }).db.entries.map((entry) => entry.uuid);
    expect(new Set(uuids).size).toBe(2);
  });

  it('refuses while locked', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    expect(await refusal(exportForApps(bg.services)({ type: 'ui:export-for-apps', password: PASSWORD, format: 'aegis' }, popup))).toBe('locked');
  });
});
