import { describe, expect, it } from 'vitest';
import { accountsForFrame, frameRefusal, mayRelease, pageAccountIds, RELEASE_REFUSAL_TEXT, type ReleaseRefusal } from '../../../src/core/policy/release';
import { err, ok } from '../../../src/core/result';
import { chainContext, rules, top } from './release-fixtures';

const AMAZON = 'https://www.amazon.com/ap/mfa';

describe('release policy (default deny)', () => {
  it('releases to the top frame of an https page on one of the account’s domains', () => {
    expect(mayRelease(rules, top('https://www.amazon.com/ap/mfa?arb=1'), 'amazon-me', false)).toEqual({ allowed: true });
    expect(mayRelease(rules, top('https://www.amazon.co.uk/ap/mfa'), 'amazon-me', false)).toEqual({ allowed: true });
    expect(mayRelease(rules, top('https://login.mybank.example/otp'), 'bank', false)).toEqual({ allowed: true });
  });

  it('never releases on http, even on the account’s own domain', () => {
    expect(mayRelease(rules, top('http://www.amazon.com/ap/mfa'), 'amazon-me', false)).toEqual({ allowed: false, refusal: 'top-not-https' });
    // An https address further on in the URL does not make the page https.
    const httpWithHttpsInside = top('http://www.amazon.com/ap/signin?return_to=https://www.amazon.com/ap/mfa');
    expect(mayRelease(rules, httpWithHttpsInside, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'top-not-https' });
  });

  it('never releases to another account’s domain', () => {
    expect(mayRelease(rules, top('https://www.amazon.co.uk/ap/mfa'), 'amazon-work', false)).toEqual({
      allowed: false,
      refusal: 'account-not-for-site',
    });
    expect(mayRelease(rules, top('https://www.amazon.com/'), 'bank', false)).toMatchObject({ allowed: false });
  });

  it.each([
    'https://amaz0n-support.com/ap/mfa',
    'https://www.amazon.com.verify-id.shop/ap/mfa',
    'https://www.xn--mazon-3ve.com/ap/mfa',
    'https://xn--mazon-7nf.com/',
    'https://amazon-login.web.app/',
    'https://amaz0n-deals.com/',
  ])('never releases on a lookalike or unknown page: %s', (url) => {
    expect(mayRelease(rules, top(url), 'amazon-me', false).allowed).toBe(false);
  });

  it('refuses a cross-origin frame from an unrelated site inside a legit page', () => {
    const frame = chainContext([AMAZON, 'https://widgets.example.net/otp']);
    expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'frame-not-verified' });
  });

  it('allows a frame whose own site is legit for the same account', () => {
    const frame = chainContext([AMAZON, 'https://www.amazon.co.uk/frame']);
    expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: true });
    expect(mayRelease(rules, frame, 'amazon-work', false)).toMatchObject({ allowed: false });
  });

  it('refuses a legit frame inside a lookalike top page', () => {
    const frame = chainContext(['https://amaz0n-support.com/', AMAZON]);
    expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'top-lookalike' });
  });

  it('refuses while locked', () => {
    expect(mayRelease(rules, top(AMAZON), 'amazon-me', true)).toEqual({ allowed: false, refusal: 'locked' });
  });

  it('lists every account of the site, for the user to choose', () => {
    expect(accountsForFrame(rules, top('https://www.amazon.com/')).accountIds.sort()).toEqual(['amazon-me', 'amazon-work']);
  });
});

describe('the whole frame chain, from the browser', () => {
  it('refuses amazon.com → foreign frame → amazon.com: the middle frame counts', () => {
    const frame = chainContext([AMAZON, 'https://widgets.example-cdn.net/embed', 'https://www.amazon.com/ap/mfa?framed=1']);
    expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'middle-frame-not-verified' });
  });

  it('allows amazon.com → amazon.com → amazon.com', () => {
    const frame = chainContext([AMAZON, 'https://www.amazon.com/embed', 'https://www.amazon.com/ap/mfa?framed=1']);
    expect(mayRelease(rules, frame, 'amazon-work', false)).toEqual({ allowed: true });
  });

  it('says why when every frame is verified but no account covers them all', () => {
    const frame = chainContext([AMAZON, 'https://login.mybank.example/otp']);
    expect(accountsForFrame(rules, frame)).toEqual({ accountIds: [], refusal: 'account-not-for-site' });
    expect(frameRefusal(rules, frame)).toBeNull();
  });

  it('keeps only the accounts every frame belongs to', () => {
    const frame = chainContext([AMAZON, 'https://www.amazon.co.uk/embed', 'https://www.amazon.com/ap/mfa']);
    expect(accountsForFrame(rules, frame).accountIds).toEqual(['amazon-me']);
  });

  it.each(['about:srcdoc', 'about:blank', 'data:text/html,<p>x', 'blob:https://www.amazon.com/0b8c', 'http://www.amazon.com/embed'])(
    'refuses a middle frame at %s',
    (middle) => {
      const frame = chainContext([AMAZON, middle, 'https://www.amazon.com/ap/mfa?framed=1']);
      expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'middle-frame-not-verified' });
    },
  );

  it('refuses when the browser’s frame tree could not be read', () => {
    for (const error of ['unreadable', 'frame-not-found', 'parent-not-found', 'chain-loop', 'chain-too-deep'] as const) {
      const frame = { ...top(AMAZON), chain: err(error) };
      expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'no-frame-chain' });
    }
    expect(mayRelease(rules, { ...top(AMAZON), chain: { ok: true, value: [] } }, 'amazon-me', false)).toMatchObject({ refusal: 'no-frame-chain' });
  });

  it('judges the top page by the chain, not by the requester', () => {
    const frame = chainContext(['https://amaz0n-support.com/', AMAZON]);
    expect(frameRefusal(rules, frame)).toBe('top-lookalike');
    expect(frameRefusal(rules, chainContext(['https://example.org/', AMAZON]))).toBe('top-not-verified');
  });
});

describe('origins, not just URLs', () => {
  it('refuses a document with an opaque origin (sandboxed iframe or CSP: sandbox), even at amazon.com', () => {
    expect(mayRelease(rules, chainContext([AMAZON], { origin: 'null' }), 'amazon-me', false)).toEqual({
      allowed: false,
      refusal: 'opaque-origin',
    });
    expect(mayRelease(rules, chainContext([AMAZON, `${AMAZON}?sandboxed=1`], { origin: 'null' }), 'amazon-me', false)).toMatchObject({
      refusal: 'opaque-origin',
    });
  });

  it('refuses when the browser gives no origin (fail closed)', () => {
    const frame = chainContext([AMAZON]);
    const { origin: _dropped, ...requester } = frame.requester;
    expect(mayRelease(rules, { ...frame, requester }, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'no-origin' });
    expect(mayRelease(rules, chainContext([AMAZON], { origin: '' }), 'amazon-me', false)).toMatchObject({ refusal: 'no-origin' });
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another host of the same site', 'https://smile.amazon.com'],
    ['http', 'http://www.amazon.com'],
    ['another port', 'https://www.amazon.com:8443'],
    ['a trailing slash', 'https://www.amazon.com/'],
  ])('refuses an origin that is not the URL’s own (%s)', (_name, origin) => {
    expect(mayRelease(rules, chainContext([AMAZON], { origin }), 'amazon-me', false)).toEqual({ allowed: false, refusal: 'origin-mismatch' });
  });

  it('refuses an about:blank document that inherited amazon.com’s origin (its URL is not that origin’s)', () => {
    const frame = chainContext([AMAZON, 'about:blank'], { origin: 'https://www.amazon.com' });
    expect(mayRelease(rules, frame, 'amazon-me', false).allowed).toBe(false);
  });
});

describe('the very document that asked', () => {
  it('refuses when another document is now in the frame (documentId)', () => {
    const frame = chainContext([AMAZON, 'https://www.amazon.com/frame'], { documentId: 'doc-old' });
    expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'frame-changed' });
  });

  it('refuses when the frame now shows another origin than the sender had', () => {
    const frame = chainContext([AMAZON, 'https://www.amazon.com/frame'], { url: 'https://www.amazon.co.uk/frame', origin: 'https://www.amazon.co.uk' });
    expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'frame-changed' });
  });

  it('refuses when the chain ends at another frame than the sender’s', () => {
    const frame = chainContext([AMAZON, 'https://www.amazon.com/frame'], { frameId: 99 });
    expect(mayRelease(rules, frame, 'amazon-me', false)).toEqual({ allowed: false, refusal: 'frame-changed' });
  });

  it.each(['prerender', 'cached', 'pending_deletion'])('refuses a document that is %s', (lifecycle) => {
    expect(mayRelease(rules, chainContext([AMAZON], { documentLifecycle: lifecycle }), 'amazon-me', false)).toEqual({
      allowed: false,
      refusal: 'frame-not-active',
    });
  });

  it('compares document ids only where the browser gives both (Firefox may give neither)', () => {
    const frame = chainContext([AMAZON]);
    const { documentId: _dropped, ...requester } = frame.requester;
    expect(mayRelease(rules, { ...frame, requester }, 'amazon-me', false)).toEqual({ allowed: true });
  });

  it('compares document ids only where the browser gives both (the frame tree without one)', () => {
    const frame = chainContext([AMAZON]);
    const chain = frame.chain.ok ? frame.chain.value.map(({ documentId: _dropped, ...link }) => link) : [];
    expect(mayRelease(rules, { ...frame, chain: ok(chain) }, 'amazon-me', false)).toEqual({ allowed: true });
  });
});

describe('copying (the page in front, no frame)', () => {
  it('names the accounts of an https verified page only', () => {
    expect(pageAccountIds(rules, 'https://www.amazon.co.uk/').sort()).toEqual(['amazon-me']);
    expect(pageAccountIds(rules, 'http://www.amazon.com/')).toEqual([]);
    expect(pageAccountIds(rules, 'https://amaz0n-support.com/')).toEqual([]);
    expect(pageAccountIds(rules, undefined)).toEqual([]);
  });
});

describe('refusal texts', () => {
  it('gives every refusal a sentence of its own', () => {
    const texts = Object.values(RELEASE_REFUSAL_TEXT);
    expect(new Set(texts).size).toBe(texts.length);
    for (const text of texts) expect(text).toMatch(/^[A-Z].{10,}\.$/);
    const refusals: ReleaseRefusal[] = ['opaque-origin', 'middle-frame-not-verified', 'no-frame-chain', 'frame-changed'];
    for (const refusal of refusals) expect(RELEASE_REFUSAL_TEXT[refusal]).toBeTruthy();
  });
});
