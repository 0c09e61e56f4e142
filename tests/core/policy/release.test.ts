import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard } from '../../../src/core/domain/guard';
import { accountsForFrame, type FrameContext, mayRelease } from '../../../src/core/policy/release';

const guard = createGuard({
  catalogue: builtInCatalogue,
  accounts: [
    { accountId: 'amazon-me', label: 'Amazon (me)', domains: ['amazon.com', 'amazon.co.uk'] },
    { accountId: 'amazon-work', label: 'Amazon (work)', domains: ['amazon.com'] },
    { accountId: 'bank', label: 'My bank', domains: ['mybank.example'] },
  ],
  trustedSites: ['amaz0n-deals.com'],
});

const top = (url: string): FrameContext => ({ topUrl: url, frameUrl: url, frameId: 0 });

describe('release policy (default deny)', () => {
  it('releases to the top frame of an https page on one of the account’s domains', () => {
    expect(mayRelease(guard, top('https://www.amazon.com/ap/mfa?arb=1'), 'amazon-me', false)).toEqual({ allowed: true });
    expect(mayRelease(guard, top('https://www.amazon.co.uk/ap/mfa'), 'amazon-me', false)).toEqual({ allowed: true });
    expect(mayRelease(guard, top('https://login.mybank.example/otp'), 'bank', false)).toEqual({ allowed: true });
  });

  it('never releases on http, even on the account’s own domain', () => {
    expect(mayRelease(guard, top('http://www.amazon.com/ap/mfa'), 'amazon-me', false)).toMatchObject({ allowed: false });
  });

  it('never releases to another account’s domain', () => {
    expect(mayRelease(guard, top('https://www.amazon.co.uk/ap/mfa'), 'amazon-work', false)).toEqual({
      allowed: false,
      refusal: 'account-not-for-site',
    });
    expect(mayRelease(guard, top('https://www.amazon.com/'), 'bank', false)).toMatchObject({ allowed: false });
  });

  it.each([
    'https://amaz0n-support.com/ap/mfa',
    'https://www.amazon.com.verify-id.shop/ap/mfa',
    'https://www.xn--mazon-3ve.com/ap/mfa',
    'https://xn--mazon-7nf.com/',
    'https://amazon-login.web.app/',
    'https://amaz0n-deals.com/',
  ])('never releases on a lookalike or unknown page: %s', (url) => {
    expect(mayRelease(guard, top(url), 'amazon-me', false).allowed).toBe(false);
  });

  it('refuses a cross-origin frame from an unrelated site inside a legit page', () => {
    const frame: FrameContext = { topUrl: 'https://www.amazon.com/ap/mfa', frameUrl: 'https://widgets.example.net/otp', frameId: 7 };
    expect(mayRelease(guard, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'frame-not-verified' });
  });

  it('allows a frame whose own site is legit for the same account', () => {
    const frame: FrameContext = { topUrl: 'https://www.amazon.com/ap/mfa', frameUrl: 'https://www.amazon.co.uk/frame', frameId: 3 };
    expect(mayRelease(guard, frame, 'amazon-me', false)).toEqual({ allowed: true });
    expect(mayRelease(guard, frame, 'amazon-work', false)).toMatchObject({ allowed: false });
  });

  it('refuses a legit frame inside a lookalike top page', () => {
    const frame: FrameContext = { topUrl: 'https://amaz0n-support.com/', frameUrl: 'https://www.amazon.com/ap/mfa', frameId: 2 };
    expect(mayRelease(guard, frame, 'amazon-me', false).allowed).toBe(false);
  });

  it('refuses without a top-level URL from the browser', () => {
    expect(mayRelease(guard, { topUrl: undefined, frameUrl: 'https://www.amazon.com/', frameId: 0 }, 'amazon-me', false)).toEqual({
      allowed: false,
      refusal: 'no-top-url',
    });
  });

  it('refuses while locked', () => {
    expect(mayRelease(guard, top('https://www.amazon.com/ap/mfa'), 'amazon-me', true)).toEqual({ allowed: false, refusal: 'locked' });
  });

  it('lists every account of the site, for the user to choose', () => {
    expect(accountsForFrame(guard, top('https://www.amazon.com/')).accountIds.sort()).toEqual(['amazon-me', 'amazon-work']);
  });

  it('releases nothing to any page outside the account’s domains (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?$/);
    const tld = fc.constantFrom('com', 'net', 'shop', 'xyz', 'co.uk', 'de', 'example');
    fc.assert(
      fc.property(label, label, tld, fc.boolean(), (sub, name, suffix, https) => {
        const host = `${sub}.${name}.${suffix}`;
        fc.pre(!['mybank.example'].includes(`${name}.${suffix}`));
        const url = `${https ? 'https' : 'http'}://${host}/otp`;
        expect(mayRelease(guard, top(url), 'bank', false).allowed).toBe(false);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
