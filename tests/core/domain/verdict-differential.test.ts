import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGuard as createBaselineGuard } from '../../../bench/baseline/guard';
import { parseTarget as baselineParse } from '../../../bench/baseline/host';
import { loadCorpus } from '../../../bench/domain-eval';
import { comparableVerdict } from '../../../bench/verdict-speed';
import { phishRows, readEvalLines } from '../../../bench/eval-data';
import { adversarialInputs, protectedAccounts } from '../../../bench/verdict-inputs';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard, type GuardRules } from '../../../src/core/domain/guard';
import { parseTarget } from '../../../src/core/domain/host';
import { anyAddress } from '../../fuzz/domain-arbitraries';

// The speed work (issue 13) must not change a single verdict: the frozen pre-issue-13 guard
// (bench/baseline) and the current one answer the same, whole verdict compared, on the dev data,
// hostile long inputs and fuzzed addresses, with the catalogue alone and with accounts and trusted sites.
const accounts = [
  ...protectedAccounts(300),
  { accountId: 'a1', label: 'Work mail', domains: ['examplecorp.com', 'examplecorp.co.uk'] },
  { accountId: 'a2', label: 'Bank', domains: ['mybank-online.de'] },
  { accountId: 'a3', label: 'Amazon me', domains: ['amazon.com'] },
];
const SETUPS: [string, GuardRules][] = [
  ['catalogue', { catalogue: builtInCatalogue, accounts: [], trustedSites: [] }],
  ['catalogue + accounts + trusted', { catalogue: builtInCatalogue, accounts, trustedSites: ['paypal-community.com', 'amazonaws.com', 'examplecorp.net'] }],
];

const handPicked = [
  'paypal.com', 'https://www.paypal.com/signin', 'http://paypal.com', 'xn--pypal-4ve.com', 'раураl.com', 'amazon.com.be', 'AMAZON.COM.',
  'amaz0n.com', 'arnazon.com', 'amazon-login.web.app', 'examplecorp.co', 'examp1ecorp.com', 'mybank-onl1ne.de', 'kalomine12.com',
  'login.kalominesu7.com.evil.top', 'a_b.example.com', 'xn--bankofmerca-3ij68171c.vg', '127.0.0.1', 'localhost', 'chrome://settings',
  'https://[::1]/', 'file:///etc/passwd', ' ', '', 'https://user:pw@paypal.com:8443/x?y#z', 'paypal.com:443', 'foo..com', `${'a'.repeat(64)}.com`,
];

describe('verdicts are identical to the pre-issue-13 guard', () => {
  for (const [name, rules] of SETUPS) {
    it(`${name}: dev corpus, legit-top, phish-dev, hostile and hand-picked inputs`, () => {
      const before = createBaselineGuard(rules);
      const now = createGuard(rules);
      const inputs = [
        // Every 4th row of the dev corpus keeps `npm test` fast; `npm run bench` compares all of it.
        ...(loadCorpus() ?? []).filter((_, index) => index % 4 === 0).map((r) => r.host),
        ...(readEvalLines('legit-top.txt') ?? []),
        ...(phishRows() ?? []).map((r) => r.host),
        ...adversarialInputs(),
        ...handPicked,
        ...accounts.flatMap((a) => a.domains.flatMap((d) => [d, `www.${d}`, `${d.replace(/[aeo]/, '0')}`, `login-${d}`, `${d.slice(0, -4)}-secure.top`])),
      ];
      expect(inputs.length).toBeGreaterThan(1000);
      const differ = inputs.filter((input) => comparableVerdict(before.verdict(input)) !== comparableVerdict(now.verdict(input)));
      expect(differ.slice(0, 10)).toEqual([]);
      expect(now.protectedNameCount).toBe(before.protectedNameCount);
    }, 300_000);
  }

  it('fuzzed addresses (fixed seed)', () => {
    const [, rules] = SETUPS[1] ?? SETUPS[0] ?? ['', SETUPS[0]];
    const before = createBaselineGuard(rules as GuardRules);
    const now = createGuard(rules as GuardRules);
    fc.assert(
      fc.property(anyAddress, (input) => {
        expect(comparableVerdict(now.verdict(input))).toBe(comparableVerdict(before.verdict(input)));
      }),
      { seed: 20261301, numRuns: 5000 },
    );
  }, 60_000);

  it('parseTarget answers as before on host-shaped strings (the bare-host path skips the URL parser)', () => {
    const unit = fc.constantFrom('a', 'b', 'Z', 'x', 'n', '0', '7', '.', '.', '-', '-', '_', ' ', ':', '/', 'é', '0x');
    const hosty = fc.oneof(fc.string({ unit, maxLength: 24 }), fc.string({ unit, maxLength: 24 }).map((s) => `${s}.com`), fc.constantFrom('xn--', 'XN--', 'xn--pypal-4ve.com', '1.2.3.4', '0x7f.1', 'a.0x', 'a.09', 'LOCALHOST.', 'a.localhost', 'com', 'a-.com', '-a.com', 'a--b.com', 'A.B.C.'));
    fc.assert(
      fc.property(hosty, (input) => {
        expect(parseTarget(input)).toEqual(baselineParse(input));
      }),
      { seed: 1313, numRuns: 30_000 },
    );
  });
});
