import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard, type Verdict } from '../../../src/core/domain/guard';
import { HIGH_CONFIDENCE_REASONS, warningLevel } from '../../../src/core/policy/warning-level';

const guard = createGuard({
  catalogue: builtInCatalogue,
  accounts: [{ accountId: 'bank', label: 'My bank', domains: ['northwind-bank.net'] }],
  trustedSites: ['amaz0n-deals.com'],
});
const level = (url: string) => warningLevel(guard.verdict(url));
const codes = (url: string) => {
  const verdict = guard.verdict(url);
  return verdict.kind === 'lookalike' ? verdict.reasons.map((reason) => reason.code) : [];
};

describe('warningLevel: the interstitial at high confidence and for disguised names', () => {
  it.each([
    ['https://www.xn--mazon-3ve.com/', 'homoglyph'], // Cyrillic а in amazon
    ['https://www.xn--pypal-4ve.com/', 'homoglyph'],
    ['https://www.amaz0n.com/', 'homoglyph'], // 0 for o
    ['https://www.rnicrosoft.com/', 'homoglyph'], // rn for m
    ['https://amazon.com.verify-id.shop/', 'target-embedding'],
    ['https://paypal.com-account-review.top/', 'target-embedding'],
    // The detector's high confidence: brand + phishing words.
    ['https://amazon-verify-account.com/', 'combosquatting'],
    ['https://amazon-account-verify.com/', 'combosquatting'],
    ['https://amazon-login-help.xyz/', 'combosquatting'],
  ])('%s → interstitial (%s)', (url, code) => {
    expect(codes(url)).toContain(code);
    expect(level(url)).toBe('interstitial');
  });

  it.each([
    ['https://amazon-deals.xyz/', 'combosquatting'], // brand + a neutral word
    ['https://amazon-shop.top/', 'combosquatting'],
    ['https://www.amazom.com/', 'edit-distance'], // one edit of a 6-letter name
  ])('%s → banner (%s, medium confidence)', (url, code) => {
    expect(codes(url)).toEqual([code]);
    expect((guard.verdict(url) as Extract<Verdict, { kind: 'lookalike' }>).confidence).toBe('medium');
    expect(level(url)).toBe('banner');
  });

  it('a low-confidence caution (a brand on an ending it does not use) → badge only', () => {
    expect(codes('https://amazon.science/')).toEqual(['tld-swap']);
    expect(level('https://amazon.science/')).toBe('badge');
  });

  it.each([
    'https://www.amazon.com/ap/mfa',
    'http://www.amazon.com/',
    'https://shop.example.com/',
    'https://amaz0n-deals.com/', // trusted by the user: unknown, never an interstitial
    'chrome://settings/',
    'not a url at all',
  ])('%s → none', (url) => {
    expect(level(url)).toBe('none');
  });

  it('high confidence alone is enough; medium and low are not', () => {
    const verdict = guard.verdict('https://amazon-deals.xyz/') as Extract<Verdict, { kind: 'lookalike' }>;
    expect(warningLevel({ ...verdict, confidence: 'high' })).toBe('interstitial');
    expect(warningLevel({ ...verdict, confidence: 'medium' })).toBe('banner');
    expect(warningLevel({ ...verdict, confidence: 'low' })).toBe('badge');
  });

  it('a disguising reason gives the interstitial at any confidence, looking at every reason', () => {
    const found = guard.verdict('https://www.xn--mazon-3ve.com/') as Extract<Verdict, { kind: 'lookalike' }>;
    const verdict: Verdict = { ...found, confidence: 'medium' };
    expect(warningLevel({ ...verdict, confidence: 'low' })).toBe('interstitial');
    const reordered: Verdict = { ...verdict, reasons: [{ code: 'edit-distance', brand: 'amazon', typo: 'vowel' }, { code: 'mixed-script' }] };
    expect(warningLevel(reordered)).toBe('interstitial');
    expect(warningLevel({ ...verdict, reasons: [] })).toBe('banner');
    expect(warningLevel({ ...verdict, reasons: [{ code: 'free-hosting', brand: 'amazon' }] })).toBe('banner');
    expect(warningLevel({ ...verdict, reasons: [{ code: 'free-hosting', brand: 'amazon' }], confidence: 'low' })).toBe('badge');
  });

  it('names only reason codes the detector really uses', () => {
    expect([...HIGH_CONFIDENCE_REASONS].sort()).toEqual(['homoglyph', 'mixed-script', 'target-embedding', 'whole-script']);
  });
});
