/** Copy and request-code: which account's code, on which page, and the refusal the user then sees. */
import { describe, expect, it } from 'vitest';
import { uiHandlers } from '../../src/background/handlers';
import { requestCode } from '../../src/background/handlers/request-code';
import { type ContentScriptSender, type ExtensionPageSender, HandlerError } from '../../src/messaging/router';
import { buildBackground, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };
const AMAZON = 'https://www.amazon.com/ap/mfa';
const topFrame: ContentScriptSender = { role: 'content-script', tabId: 7, frameId: 0, frameUrl: AMAZON, tabUrl: AMAZON, origin: 'https://www.amazon.com' };

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, got a reply');
}

async function twoAmazonAccounts() {
  const bg = buildBackground();
  const [me, work] = await unlockedWith(bg, [
    ['Amazon', ['amazon.com']],
    ['AmazonWork', ['amazon.com']],
  ]);
  bg.tabs.set(7, AMAZON);
  return { bg, me: me?.id ?? '', work: work?.id ?? '' };
}

describe('cs:request-code', () => {
  it('gives the code of the account asked for, and asks to choose when several fit', async () => {
    const { bg, me, work } = await twoAmazonAccounts();
    const ask = requestCode(bg.services);
    expect(await ask({ type: 'cs:request-code', accountId: work }, topFrame)).toMatchObject({ accountId: work, code: expect.stringMatching(/^\d{6}$/) });
    expect(await ask({ type: 'cs:request-code', accountId: me }, topFrame)).toMatchObject({ accountId: me });
    expect(await refusal(ask({ type: 'cs:request-code' }, topFrame))).toEqual({
      code: 'choose-account',
      message: 'Several accounts belong to this site: choose one.',
    });
  });

  it('gives the only account of the site without being told which', async () => {
    const bg = buildBackground();
    const [only] = await unlockedWith(bg);
    bg.tabs.set(7, AMAZON);
    expect(await requestCode(bg.services)({ type: 'cs:request-code' }, topFrame)).toMatchObject({ accountId: only?.id });
  });

  it('refuses an account of another site, naming why', async () => {
    const bg = buildBackground();
    const [, github] = await unlockedWith(bg, [
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    bg.tabs.set(7, AMAZON);
    expect(await refusal(requestCode(bg.services)({ type: 'cs:request-code', accountId: github?.id ?? '' }, topFrame))).toEqual({
      code: 'not-allowed',
      message: 'None of your accounts belongs to this site.',
    });
  });

  it('while locked, a page that could get a code after unlock is told "locked"', async () => {
    const { bg, me } = await twoAmazonAccounts();
    await bg.vault.lock();
    expect(await refusal(requestCode(bg.services)({ type: 'cs:request-code', accountId: me }, topFrame))).toEqual({
      code: 'locked',
      message: 'OTP Guard is locked.',
    });
  });
});

describe('ui:copy-code, the page in front', () => {
  it('refuses an account that no longer exists', async () => {
    const { bg } = await twoAmazonAccounts();
    bg.showTab(AMAZON);
    expect(await refusal(uiHandlers(bg.services)['ui:copy-code']({ type: 'ui:copy-code', id: 'gone' }, popup))).toEqual({
      code: 'not-found',
      message: 'That account no longer exists.',
    });
  });

  it('refuses, in plain words, when no page is in front', async () => {
    const { bg, me } = await twoAmazonAccounts();
    bg.front.tab = undefined;
    expect(await refusal(uiHandlers(bg.services)['ui:copy-code']({ type: 'ui:copy-code', id: me }, popup))).toEqual({
      code: 'no-front-tab',
      message: 'Not copied: OTP Guard could not tell which page is in front. Try again.',
    });
  });

  it("warns on another account's verified site, and not on a page that is no website", async () => {
    const bg = buildBackground();
    const [amazon] = await unlockedWith(bg, [
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    const copy = uiHandlers(bg.services)['ui:copy-code'];
    bg.showTab('https://github.com/sessions/two-factor');
    expect((await copy({ type: 'ui:copy-code', id: amazon?.id ?? '' }, popup)).warning).toBe("The page in front (github.com) is not one of this account's sites.");
    bg.showTab('chrome://newtab/');
    const onNewTab = await copy({ type: 'ui:copy-code', id: amazon?.id ?? '' }, popup);
    expect(onNewTab.code).toMatch(/^\d{6}$/);
    expect(onNewTab).not.toHaveProperty('warning');
  });
});
