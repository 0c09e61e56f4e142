/**
 * Bindings end to end in the background: update-account and commit-pending take bindings (typed refusals
 * with the core's sentence), hello and request-code release by the most specific binding, and the popup's
 * list and page panel name the account that would be filled on the page in front.
 */
import { describe, expect, it } from 'vitest';
import { createGuardHolder } from '../../src/background/guard-holder';
import { commitPending } from '../../src/background/handlers/commit-pending';
import { describeTab } from '../../src/background/handlers/describe-tab';
import { hello } from '../../src/background/handlers/hello';
import { listAccounts } from '../../src/background/handlers/list-accounts';
import { previewLinks } from '../../src/background/handlers/preview-links';
import { requestCode } from '../../src/background/handlers/request-code';
import { updateAccount } from '../../src/background/handlers/update-account';
import { accountFromJson } from '../../src/core/otp/account-json';
import { pageAccountIds } from '../../src/core/policy/release';
import { HandlerError, type ContentScriptSender, type ExtensionPageSender } from '../../src/messaging/router';
import { type Background, buildBackground, PASSWORD, totpLink, unlockedWith } from './fakes';

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

/** AWS (narrowed to aws.amazon.com through update-account) and Amazon (amazon.com), side by side. */
async function awsAndAmazon(): Promise<{ bg: Background; aws: string; amazon: string }> {
  const bg = buildBackground();
  const [aws, amazon] = await unlockedWith(bg, [
    ['AWS', ['amazon.com']],
    ['Amazon', ['amazon.com']],
  ]);
  if (!aws || !amazon) throw new Error('accounts not added');
  await updateAccount(bg.services)(
    { type: 'ui:update-account', id: aws.id, bindings: ['aws.amazon.com'], expectedRevision: bg.vault.revision },
    popup,
  );
  return { bg, aws: aws.id, amazon: amazon.id };
}

const topSender = (url: string): ContentScriptSender => ({
  role: 'content-script',
  tabId: 7,
  frameId: 0,
  frameUrl: url,
  origin: new URL(url).origin,
});

describe('ui:update-account with bindings', () => {
  it('stores host bindings and keeps domains as their sites', async () => {
    const { bg, aws } = await awsAndAmazon();
    const account = bg.vault.account(aws);
    expect(account?.bindings.map((binding) => binding.host)).toEqual(['aws.amazon.com']);
    expect(account?.domains).toEqual(['amazon.com']);
  });

  it.each([
    ['co.uk', 'public suffix'],
    ['github.io', 'public suffix'],
    ['192.168.1.1', 'IP address'],
    ['exa mple.com', 'not a site'],
    ['*.amazon.com', 'without “*.”'],
  ])('refuses %s with a clear sentence and changes nothing', async (input, words) => {
    const { bg, aws } = await awsAndAmazon();
    const before = bg.vault.revision;
    const refused = await refusal(
      updateAccount(bg.services)({ type: 'ui:update-account', id: aws, bindings: [input], expectedRevision: before }, popup),
    );
    expect(refused.code).toBe('bad-domain');
    expect(refused.message).toContain(words);
    expect(bg.vault.revision).toBe(before);
    expect(bg.vault.account(aws)?.bindings.map((binding) => binding.host)).toEqual(['aws.amazon.com']);
  });

  it('refuses a host outside the site it is edited in', async () => {
    const { bg, aws } = await awsAndAmazon();
    const refused = await refusal(
      updateAccount(bg.services)(
        { type: 'ui:update-account', id: aws, bindings: [{ host: 'signin.aws.amazon.co.uk', within: 'amazon.com' }], expectedRevision: bg.vault.revision },
        popup,
      ),
    );
    expect(refused).toEqual({ code: 'bad-domain', message: '“signin.aws.amazon.co.uk” is not part of amazon.com.' });
  });

  it('refuses domains and bindings sent together', async () => {
    const { bg, aws } = await awsAndAmazon();
    const refused = await refusal(
      updateAccount(bg.services)(
        { type: 'ui:update-account', id: aws, domains: ['amazon.com'], bindings: ['aws.amazon.com'], expectedRevision: bg.vault.revision },
        popup,
      ),
    );
    expect(refused.code).toBe('bad-domain');
  });

  it('old editors sending domains keep the narrower bindings of the sites they keep', async () => {
    const { bg, aws } = await awsAndAmazon();
    await updateAccount(bg.services)(
      { type: 'ui:update-account', id: aws, domains: ['amazon.com', 'aws.dev'], expectedRevision: bg.vault.revision },
      popup,
    );
    expect(bg.vault.account(aws)?.bindings.map((binding) => binding.host)).toEqual(['aws.amazon.com', 'aws.dev']);
  });
});

describe('release by the most specific binding (hello, request-code)', () => {
  it('AWS alone on signin.aws.amazon.com, Amazon alone on www.amazon.com, no prompt', async () => {
    const { bg, aws, amazon } = await awsAndAmazon();
    for (const [url, id] of [
      ['https://signin.aws.amazon.com/oauth', aws],
      ['https://www.amazon.com/ap/mfa', amazon],
    ] as const) {
      bg.showTab(url);
      const state = await hello(bg.services)({ type: 'cs:hello' }, topSender(url));
      expect(state.fillable).toBe(true);
      expect(state.accounts.map((account) => account.id)).toEqual([id]);
      const reply = await requestCode(bg.services)({ type: 'cs:request-code' }, topSender(url));
      expect(reply.accountId).toBe(id);
      expect(reply.code).toMatch(/^\d{6}$/);
    }
  });

  it('refuses an ad frame of a brand domain on www.amazon.com', async () => {
    const { bg, amazon } = await awsAndAmazon();
    bg.showTab('https://www.amazon.com/ap/mfa');
    const adUrl = 'https://aax.amazon-adsystem.com/e/dtb/admi';
    bg.childFrames.set('7:4', adUrl);
    const sender: ContentScriptSender = { role: 'content-script', tabId: 7, frameId: 4, frameUrl: adUrl, origin: new URL(adUrl).origin };
    const state = await hello(bg.services)({ type: 'cs:hello' }, sender);
    expect(state.fillable).toBe(false);
    expect(state.accounts).toEqual([]);
    const refused = await refusal(requestCode(bg.services)({ type: 'cs:request-code', accountId: amazon }, sender));
    expect(refused.code).toBe('not-allowed');
  });
});

describe('the page in front (fillsHere, fillAccount)', () => {
  it('marks the account that would be filled on the front tab', async () => {
    const { bg, aws, amazon } = await awsAndAmazon();
    bg.showTab('https://signin.aws.amazon.com/');
    const onAws = await listAccounts(bg.services)({ type: 'ui:list-accounts' }, popup);
    expect(onAws.accounts.filter((account) => account.fillsHere).map((account) => account.id)).toEqual([aws]);
    expect(onAws.accounts.find((account) => account.id === aws)?.bindings).toEqual(['aws.amazon.com']);
    bg.showTab('https://www.amazon.com/');
    const onAmazon = await listAccounts(bg.services)({ type: 'ui:list-accounts' }, popup);
    expect(onAmazon.accounts.filter((account) => account.fillsHere).map((account) => account.id)).toEqual([amazon]);
    bg.showTab('https://example.org/');
    const elsewhere = await listAccounts(bg.services)({ type: 'ui:list-accounts' }, popup);
    expect(elsewhere.accounts.some((account) => account.fillsHere)).toBe(false);
  });

  it('names the account in the page report, and none on a lookalike, with no front tab or while locked', async () => {
    const { bg, aws } = await awsAndAmazon();
    bg.showTab('https://signin.aws.amazon.com/');
    const report = await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup);
    expect(report.fillAccount?.id).toBe(aws);
    expect(report.fillAccount?.label).toContain('AWS');
    bg.showTab('https://amazon-account-verify.com/ap/signin');
    expect((await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup)).fillAccount).toBeUndefined();
    bg.front.tab = undefined;
    expect((await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup)).fillAccount).toBeUndefined();
    bg.showTab('https://signin.aws.amazon.com/');
    await bg.vault.lock();
    expect((await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup)).fillAccount).toBeUndefined();
  });

  it('names no account on a tie (the page will ask)', async () => {
    const bg = buildBackground();
    await unlockedWith(bg, [
      ['Amazon', ['amazon.com']],
      ['Amazon', ['amazon.com']],
    ]);
    bg.showTab('https://www.amazon.com/');
    expect((await describeTab(bg.services)({ type: 'ui:describe-tab' }, popup)).fillAccount).toBeUndefined();
    const list = await listAccounts(bg.services)({ type: 'ui:list-accounts' }, popup);
    expect(list.accounts.filter((account) => account.fillsHere)).toHaveLength(2);
  });
});

describe('ui:commit-pending with bindings', () => {
  it('saves the bindings the popup chose, and refuses a public suffix before writing', async () => {
    const bg = buildBackground();
    const created = await bg.vault.create(PASSWORD);
    if (!created.ok) throw new Error(created.error.message);
    const preview = await previewLinks(bg.services)({ type: 'ui:preview-links', text: totpLink('Amazon%20Web%20Services') }, popup);
    const pendingIds = preview.previews.map((item) => item.pendingId);
    const before = bg.vault.revision;
    const refused = await refusal(
      commitPending(bg.services)({ type: 'ui:commit-pending', pendingIds, bindings: ['co.uk'], expectedRevision: before }, popup),
    );
    expect(refused.code).toBe('bad-domain');
    expect(bg.vault.revision).toBe(before);
    await commitPending(bg.services)(
      { type: 'ui:commit-pending', pendingIds, bindings: ['signin.aws.amazon.com'], expectedRevision: before },
      popup,
    );
    const [saved] = bg.vault.accounts();
    expect(bg.vault.accounts()).toHaveLength(1);
    expect(saved?.bindings.map((binding) => binding.host)).toEqual(['signin.aws.amazon.com']);
    expect(saved?.domains).toEqual(['amazon.com']);
  });
});

describe('enrolment preview proposes bindings from the issuer catalogue', () => {
  it('AWS → aws.amazon.com hosts; Amazon → its stores’ www hosts, no ad domain; the draft saved with them', async () => {
    const bg = buildBackground();
    const created = await bg.vault.create(PASSWORD);
    if (!created.ok) throw new Error(created.error.message);
    const text = [totpLink('Amazon%20Web%20Services'), totpLink('Amazon', 'GEZDGNBVGY3TQOJQ')].join('\n');
    const reply = await previewLinks(bg.services)({ type: 'ui:preview-links', text }, popup);
    const [aws, amazon] = reply.previews;
    expect(aws?.proposedBindings).toEqual(['aws.amazon.com', 'signin.aws.amazon.com']);
    expect(aws?.proposedDomains).toEqual(['amazon.com']);
    expect(amazon?.proposedBindings).toContain('www.amazon.com');
    expect(amazon?.proposedDomains).not.toContain('amazon-adsystem.com');
    expect(amazon?.proposedBindings?.every((host) => host.startsWith('www.amazon.'))).toBe(true);
    await commitPending(bg.services)(
      { type: 'ui:commit-pending', pendingIds: reply.previews.map((item) => item.pendingId), expectedRevision: bg.vault.revision },
      popup,
    );
    const rules = bg.guard.releaseRules();
    const winner = (url: string) => pageAccountIds(rules, url).map((id) => bg.vault.account(id)?.issuer);
    expect(winner('https://signin.aws.amazon.com/')).toEqual(['Amazon Web Services']);
    expect(winner('https://www.amazon.com/ap/mfa')).toEqual(['Amazon']);
    // Neither account is bound to a bare amazon.com host such as an ad or a help subdomain.
    expect(winner('https://evilaws.amazon.com/')).toEqual([]);
  });
});

describe('an account stored before bindings existed', () => {
  it('releases on its old domains as whole sites (nothing lost)', () => {
    const old = accountFromJson({
      v: 1,
      id: 'old-1',
      createdAt: 1,
      updatedAt: 1,
      order: 0,
      issuer: 'Amazon',
      accountName: 'me',
      domains: ['amazon.com', 'amazon.de'],
      warnings: [],
      otp: { kind: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    });
    if (!old.ok) throw new Error(old.error.message);
    const guard = createGuardHolder();
    guard.setAccounts([{ accountId: old.value.id, label: 'Amazon', domains: old.value.domains, bindings: old.value.bindings }]);
    expect(guard.releaseRules().accounts).toEqual([
      {
        accountId: 'old-1',
        bindings: [
          { host: 'amazon.com', site: 'amazon.com' },
          { host: 'amazon.de', site: 'amazon.de' },
        ],
      },
    ]);
    expect(pageAccountIds(guard.releaseRules(), 'https://www.amazon.de/ap/mfa')).toEqual(['old-1']);
    expect(pageAccountIds(guard.releaseRules(), 'https://signin.aws.amazon.com/')).toEqual(['old-1']);
    // A rule given without bindings (an older caller) is migrated the same way.
    guard.setAccounts([{ accountId: 'old-1', label: 'Amazon', domains: ['amazon.com'] }]);
    expect(pageAccountIds(guard.releaseRules(), 'https://www.amazon.com/')).toEqual(['old-1']);
  });
});

describe('domains typed over a preview', () => {
  it('mean those whole sites (as before bindings), not the catalogue’s narrower hosts', async () => {
    const bg = buildBackground();
    const created = await bg.vault.create(PASSWORD);
    if (!created.ok) throw new Error(created.error.message);
    const reply = await previewLinks(bg.services)({ type: 'ui:preview-links', text: totpLink('Amazon') }, popup);
    await commitPending(bg.services)(
      { type: 'ui:commit-pending', pendingIds: reply.previews.map((item) => item.pendingId), domains: ['amazon.com'], expectedRevision: bg.vault.revision },
      popup,
    );
    expect(bg.vault.accounts()[0]?.bindings).toEqual([{ host: 'amazon.com', site: 'amazon.com' }]);
  });
});
