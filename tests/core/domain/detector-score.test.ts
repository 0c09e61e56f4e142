import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard, type Verdict } from '../../../src/core/domain/guard';
import { FLAG_AT, HIGH_AT, MEDIUM_AT } from '../../../src/core/domain/score';

const guard = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
const lookalike = (host: string): Extract<Verdict, { kind: 'lookalike' }> | undefined => {
  const v = guard.verdict(host);
  return v.kind === 'lookalike' ? v : undefined;
};

describe('scored verdicts (shipped catalogue)', () => {
  it.each([
    ['аmazon.com', 'amazon', 'high'],
    ['xn--bankofmerca-3ij68171c.vg', 'bankofamerica', 'high'],
    ['paypal-login.windowsupdate.com', 'paypal', 'high'],
    ['amazno.com', 'amazon', 'medium'],
    ['coinbase-asia.pro', 'coinbase', 'medium'],
    ['coinbase-tk.com', 'coinbase', 'medium'],
    ['binance-bb.top', 'binance', 'medium'],
    ['netflix.xyz', 'netflix', 'medium'],
    ['coinbasetop.com', 'coinbase', 'low'],
    ['microsoft.co', 'microsoft', 'low'],
  ])('%s imitates %s with %s confidence', (host, brand, confidence) => {
    const v = lookalike(host);
    expect(v?.imitates.id).toBe(brand);
    expect(v?.confidence).toBe(confidence);
  });

  it('explains each verdict: the evidence points add up to the score, which fits the confidence', () => {
    for (const host of ['amazon-agree.com', 'coinbasetop.com', 'dhl-paket.top', 'amazon.app', 'paypa1.com']) {
      const v = lookalike(host);
      expect(v, host).toBeDefined();
      if (!v) continue;
      const sum = v.evidence.reduce((total, e) => total + e.points, 0);
      expect(Math.abs(sum - v.score), host).toBeLessThan(0.11);
      const floor = { high: HIGH_AT, medium: MEDIUM_AT, low: FLAG_AT }[v.confidence];
      expect(v.score, host).toBeGreaterThanOrEqual(floor);
      for (const e of v.evidence) expect(e.detail.length, host).toBeGreaterThan(0);
    }
  });

  it('calls a TLD swap at least a caution, naming the brand and the address', () => {
    const v = lookalike('amazon.app');
    expect(v?.reasons[0]?.code).toBe('tld-swap');
    expect(v?.reasons[0]).toEqual({ code: 'tld-swap', owner: 'Amazon', domain: 'amazon.app' });
    expect(lookalike('ebay.ru')?.imitates.id).toBe('ebay');
  });

  it('catches a distinctive brand next to any word, not only phishing keywords', () => {
    for (const host of ['amazon-agree.com', 'coinbase-news.com', 'binance-cz.net', 'metamask-node.com']) {
      expect(lookalike(host), host).toBeDefined();
    }
  });

  it.each(['elle.com', 'case.edu', 'finance.gov.bd', 'targetcareers.com', 'discovery.com', 'geocities.com', 'androidauthority.com', 'ad-delivery.net', 'mail.ru', 'overdrive.com'])(
    '%s (a legitimate name one edit from, or built around, a short or common brand name) is not a lookalike',
    (host) => expect(lookalike(host)).toBeUndefined(),
  );

  it('a one-edit collision of a brand with known legitimate neighbours is at most a caution', () => {
    // shell.com (Shein), stripes.com (Stripe): one edit, on the brand's own TLD; measured trade-off, see bench.
    for (const host of ['shell.com', 'stripes.com']) expect(['low', undefined]).toContain(lookalike(host)?.confidence);
  });

  it('short brands: a one-edit variant needs context (own TLD family and no known neighbour, or phishing words)', () => {
    expect(lookalike('ebya.com')?.imitates.id).toBe('ebay');
    expect(lookalike('ups-delivery.com')?.imitates.id).toBe('ups');
    expect(lookalike('dhl-paket.top')?.imitates.id).toBe('dhl');
    expect(lookalike('upss.com')).toBeUndefined();
    // Glued to another brand's name: evidence of its own.
    expect(lookalike('ups-fedex.com')?.evidence.map((e) => e.signal)).toContain('other-brand');
  });

  it('judges host names with underscores instead of calling them invalid', () => {
    expect(lookalike('portal__coinbasehelp.typedream.app')?.imitates.id).toBe('coinbase');
    expect(guard.verdict('https://my_shop.example.com/').kind).toBe('unknown');
  });

  it('answers brand-owned for a brand service domain, never verified or lookalike', () => {
    const v = guard.verdict('https://windowsupdate.com/');
    expect(v.kind).toBe('unknown');
    expect(v.kind === 'unknown' && v.brandOwned?.id).toBe('microsoft');
    expect(v.kind === 'unknown' && v.reasons?.[0]?.code).toBe('brand-owned');
  });
});
