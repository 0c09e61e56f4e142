import { describe, expect, it } from 'vitest';
import { measureEval, measureOwnLegit } from '../../../bench/domain';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard } from '../../../src/core/domain/guard';

// Thresholds are the figures measured when this test was written, rounded against us,
// so a regression in recall or false positives fails here.
describe('measured on ../shared/eval-data (skipped when absent)', () => {
  const measured = measureEval(createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] }));
  it.skipIf(!measured)('keeps false positives and recall at their measured levels', () => {
    if (!measured) return;
    console.log('eval-data:', measured);
    // Measured 2026-12-01 (scored detector): 1.50 per 1,000 at any confidence (0.20 at medium or high),
    // 0.956 of hosts, 0.958 of registrable domains.
    expect(Number(measured.fpPer1000)).toBeLessThanOrEqual(1.6);
    expect(Number(measured.phishRecallHosts)).toBeGreaterThanOrEqual(0.95);
    expect(Number(measured.phishRecallDomains)).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});

describe('measured on our own list of legit sites (bench/data/own-legit.txt)', () => {
  it('flags at most the few known near-names, never a brand’s own site', () => {
    const guard = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
    const own = measureOwnLegit(guard);
    console.log('own legit list:', own);
    // Measured 2026-12-01: stripes.com (a newspaper: "stripe" + s, a low-confidence caution) and paypay.ne.jp
    // (a real payment company, one edit from PayPal) are flagged; anything more is a regression.
    expect(own.flagged.length).toBeLessThanOrEqual(2);
    for (const domain of ['amazon.com', 'paypal.com', 'target.com', 'ups.com', 'dhl.de', 'stripe.com', 'apple.com', 'wise.com']) {
      expect(own.flagged).not.toContain(domain);
    }
  });
});
