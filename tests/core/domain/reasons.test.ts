// Reason codes with data (issue 15, point 3): ASCII swaps are named and marked like homoglyphs, and every
// reason the detector gives can be worded in English without a raw key showing.
import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard, type Verdict } from '../../../src/core/domain/guard';
import { asciiSwaps } from '../../../src/core/domain/reasons';
import { englishI18n } from '../../../src/ui/i18n-context';
import { reasonText } from '../../../src/ui/reasons';

const guard = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
const lookalike = (url: string): Extract<Verdict, { kind: 'lookalike' }> => {
  const verdict = guard.verdict(url);
  if (verdict.kind !== 'lookalike') throw new Error(`${url}: ${verdict.kind}`);
  return verdict;
};
const words = (verdict: Extract<Verdict, { kind: 'lookalike' }>) => verdict.reasons.map((reason) => reasonText(reason, englishI18n));

describe('asciiSwaps', () => {
  it('finds digit-for-letter and letter-pair swaps with their real counterparts', () => {
    expect(asciiSwaps('amaz0n', 'amazon')).toEqual([{ index: 4, text: '0', looksLike: 'o' }]);
    expect(asciiSwaps('arnazon', 'amazon')).toEqual([{ index: 1, text: 'rn', looksLike: 'm' }]);
    expect(asciiSwaps('paypa1-login', 'paypal')).toEqual([{ index: 5, text: '1', looksLike: 'l' }]);
    expect(asciiSwaps('vvalmart', 'walmart')).toEqual([{ index: 0, text: 'vv', looksLike: 'w' }]);
  });
  it('finds nothing in a plain spelling or an unrelated name', () => {
    expect(asciiSwaps('amazon-login', 'amazon')).toEqual([]);
    expect(asciiSwaps('example', 'amazon')).toEqual([]);
  });
});

describe('reasons of a verdict', () => {
  it('names and marks the 0 for o of www.amaz0n-account.com', () => {
    const verdict = lookalike('https://www.amaz0n-account.com/');
    expect(verdict.reasons[0]).toEqual({ code: 'ascii-swap', brand: 'amazon', swaps: [{ index: 4, text: '0', looksLike: 'o' }] });
    expect(words(verdict)[0]).toBe('“amazon” is written with “0” for “o”.');
    expect(verdict.confusables).toContainEqual({ index: 8, char: '0', looksLike: 'o' });
  });
  it('names the swap of a whole-name swap (arnazon.com) and keeps it a homoglyph', () => {
    const verdict = lookalike('https://arnazon.com/');
    expect(verdict.reasons).toEqual([{ code: 'homoglyph', form: 'swaps', brand: 'amazon', swaps: [{ index: 1, text: 'rn', looksLike: 'm' }] }]);
    expect(words(verdict)).toEqual(['The name writes “rn” for “m” to imitate “amazon”.']);
    expect(verdict.confusables.map((mark) => mark.index)).toEqual([1, 2]);
  });
  it('words every reason of a spread of lookalikes, never as a raw key', () => {
    const hosts = ['www.\u0430mazon.com', 'amazon.com.verify-id.shop', 'amazon-login.xyz', 'amazno.com', 'amazon.app', 'am.azon.com', 'paypal.blogspot.com'];
    for (const host of hosts) {
      const verdict = guard.verdict(`https://${host}/`);
      const reasons = 'reasons' in verdict ? (verdict.reasons ?? []) : [];
      expect(reasons.length, host).toBeGreaterThan(0);
      for (const text of reasons.map((reason) => reasonText(reason, englishI18n))) expect(text, host).not.toMatch(/^[a-z_]+$|\$|\{/);
    }
  });
});
