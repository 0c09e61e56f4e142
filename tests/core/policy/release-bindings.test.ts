/**
 * The release decision reads the accounts' bindings, most specific wins, on every frame of the chain:
 * AWS (aws.amazon.com) and Amazon (amazon.com) side by side each get their own pages alone.
 */
import { describe, expect, it } from 'vitest';
import type { Binding } from '../../../src/core/bindings/binding';
import { parseBinding } from '../../../src/core/bindings/parse-binding';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard } from '../../../src/core/domain/guard';
import { accountsForFrame, mayRelease, pageAccountIds, pageCoveringAccountIds, type ReleaseRules } from '../../../src/core/policy/release';
import { chainContext, top } from './release-fixtures';

const bind = (...hosts: string[]): Binding[] =>
  hosts.map((host) => {
    const parsed = parseBinding(host);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  });

function rulesFor(accounts: { accountId: string; bindings: Binding[] }[]): ReleaseRules {
  const guard = createGuard({
    catalogue: builtInCatalogue,
    accounts: accounts.map((account) => ({
      accountId: account.accountId,
      label: account.accountId,
      domains: [...new Set(account.bindings.map((binding) => binding.site))],
    })),
    trustedSites: [],
  });
  return { guard, accounts };
}

const sideBySide = rulesFor([
  { accountId: 'aws', bindings: bind('aws.amazon.com') },
  { accountId: 'amazon', bindings: bind('amazon.com', 'amazon.co.uk') },
]);

describe('release with AWS and Amazon side by side', () => {
  it('gives signin.aws.amazon.com to AWS alone and www.amazon.com to Amazon alone', () => {
    expect(accountsForFrame(sideBySide, top('https://signin.aws.amazon.com/oauth')).accountIds).toEqual(['aws']);
    expect(accountsForFrame(sideBySide, top('https://aws.amazon.com/')).accountIds).toEqual(['aws']);
    expect(accountsForFrame(sideBySide, top('https://www.amazon.com/ap/mfa')).accountIds).toEqual(['amazon']);
    expect(accountsForFrame(sideBySide, top('https://www.amazon.co.uk/ap/mfa')).accountIds).toEqual(['amazon']);
  });

  it('refuses the other account on each page (no prompt, no wrong code)', () => {
    expect(mayRelease(sideBySide, top('https://signin.aws.amazon.com/'), 'amazon', false)).toEqual({
      allowed: false,
      refusal: 'account-not-for-site',
    });
    expect(mayRelease(sideBySide, top('https://www.amazon.com/'), 'aws', false)).toEqual({ allowed: false, refusal: 'account-not-for-site' });
    expect(mayRelease(sideBySide, top('https://signin.aws.amazon.com/'), 'aws', false)).toEqual({ allowed: true });
  });

  it('matches by whole labels: evilaws.amazon.com is Amazon’s, never AWS’s', () => {
    expect(accountsForFrame(sideBySide, top('https://evilaws.amazon.com/')).accountIds).toEqual(['amazon']);
    expect(accountsForFrame(sideBySide, top('https://aws.amazon.com.evil.example/')).accountIds).toEqual([]);
  });

  it('without an AWS account, Amazon (whole site) still covers aws.amazon.com', () => {
    const amazonOnly = rulesFor([{ accountId: 'amazon', bindings: bind('amazon.com') }]);
    expect(accountsForFrame(amazonOnly, top('https://signin.aws.amazon.com/')).accountIds).toEqual(['amazon']);
  });

  it('with only AWS, www.amazon.com gets nothing (verified brand page, no account)', () => {
    const awsOnly = rulesFor([{ accountId: 'aws', bindings: bind('aws.amazon.com') }]);
    expect(accountsForFrame(awsOnly, top('https://www.amazon.com/ap/mfa'))).toEqual({ accountIds: [], refusal: 'account-not-for-site' });
  });

  it('needs the account to win on every frame of the chain', () => {
    // An AWS sign-in frame inside an Amazon shopping page: the top page is Amazon's, the frame AWS's.
    expect(accountsForFrame(sideBySide, chainContext(['https://www.amazon.com/', 'https://signin.aws.amazon.com/frame'])).accountIds).toEqual([]);
    expect(accountsForFrame(sideBySide, chainContext(['https://signin.aws.amazon.com/', 'https://console.aws.amazon.com/frame'])).accountIds).toEqual([
      'aws',
    ]);
    expect(accountsForFrame(sideBySide, chainContext(['https://www.amazon.com/', 'https://www.amazon.co.uk/frame'])).accountIds).toEqual(['amazon']);
  });

  it('keeps two accounts of one binding as a tie (the user chooses)', () => {
    const two = rulesFor([
      { accountId: 'amazon-me', bindings: bind('amazon.com') },
      { accountId: 'amazon-work', bindings: bind('amazon.com') },
      { accountId: 'aws', bindings: bind('aws.amazon.com') },
    ]);
    expect(accountsForFrame(two, top('https://www.amazon.com/')).accountIds).toEqual(['amazon-me', 'amazon-work']);
    expect(accountsForFrame(two, top('https://signin.aws.amazon.com/')).accountIds).toEqual(['aws']);
  });
});

describe('ad and CDN frames on a brand page', () => {
  it('refuses an amazon-adsystem.com frame on www.amazon.com (a brand domain, bound to no account)', () => {
    const ad = chainContext(['https://www.amazon.com/ap/mfa', 'https://aax-us-east.amazon-adsystem.com/e/dtb/admi']);
    expect(accountsForFrame(sideBySide, ad)).toEqual({ accountIds: [], refusal: 'account-not-for-site' });
    expect(mayRelease(sideBySide, ad, 'amazon', false)).toEqual({ allowed: false, refusal: 'account-not-for-site' });
  });

  it('refuses a middle ad frame even when the field’s own frame is Amazon’s', () => {
    const chain = chainContext(['https://www.amazon.com/', 'https://s.amazon-adsystem.com/x', 'https://www.amazon.com/inner']);
    expect(mayRelease(sideBySide, chain, 'amazon', false)).toMatchObject({ allowed: false });
  });

  it('refuses googlesyndication / doubleclick frames on a Google page', () => {
    const google = rulesFor([{ accountId: 'google', bindings: bind('accounts.google.com') }]);
    expect(mayRelease(google, top('https://accounts.google.com/signin/challenge/totp'), 'google', false)).toEqual({ allowed: true });
    for (const ad of ['https://tpc.googlesyndication.com/safeframe/', 'https://ad.doubleclick.net/x', 'https://mail.google.com/']) {
      expect(mayRelease(google, chainContext(['https://accounts.google.com/', ad]), 'google', false)).toMatchObject({ allowed: false });
    }
  });
});

describe('the page in front', () => {
  it('names the winner for "will be filled here" and every covering account for copying', () => {
    expect(pageAccountIds(sideBySide, 'https://signin.aws.amazon.com/')).toEqual(['aws']);
    expect(pageAccountIds(sideBySide, 'https://www.amazon.com/')).toEqual(['amazon']);
    expect(pageCoveringAccountIds(sideBySide, 'https://signin.aws.amazon.com/').sort()).toEqual(['amazon', 'aws']);
    expect(pageAccountIds(sideBySide, 'http://signin.aws.amazon.com/')).toEqual([]);
    expect(pageCoveringAccountIds(sideBySide, 'https://amaz0n-support.com/')).toEqual([]);
    expect(pageAccountIds(sideBySide, undefined)).toEqual([]);
  });
});
