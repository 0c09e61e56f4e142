/**
 * Properties of the release decision over generated bindings and frame chains inside one brand's
 * domains: a code goes only to an account that is the most specific match on every frame, and the
 * same generators do release (so the property is not vacuous).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Binding } from '../../../src/core/bindings/binding';
import { bindingCovers } from '../../../src/core/bindings/match';
import { parseBinding } from '../../../src/core/bindings/parse-binding';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard } from '../../../src/core/domain/guard';
import { accountsForFrame, type ReleaseRules } from '../../../src/core/policy/release';
import { chainContext } from './release-fixtures';

const HOSTS = [
  'amazon.com',
  'www.amazon.com',
  'aws.amazon.com',
  'signin.aws.amazon.com',
  'console.aws.amazon.com',
  'pay.amazon.com',
  'amazon.co.uk',
  'www.amazon.co.uk',
  'amazon-adsystem.com',
  'aax.amazon-adsystem.com',
];
const parsed = (host: string): Binding => {
  const result = parseBinding(host);
  if (!result.ok) throw new Error(host);
  return result.value;
};
const page = (host: string) => {
  const binding = parsed(host);
  return { asciiHost: binding.host, registrableDomain: binding.site };
};
const specificityFor = (bindings: readonly Binding[], host: string): number =>
  Math.max(0, ...bindings.filter((binding) => bindingCovers(binding, page(host))).map((binding) => binding.host.split('.').length));

const accountsArb = fc.array(fc.uniqueArray(fc.constantFrom(...HOSTS), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
const chainArb = fc.array(fc.constantFrom(...HOSTS), { minLength: 1, maxLength: 4 });

function rulesOf(accounts: string[][]): ReleaseRules {
  const bound = accounts.map((hosts, index) => ({ accountId: `a${index}`, bindings: hosts.map(parsed) }));
  const guard = createGuard({
    catalogue: builtInCatalogue,
    accounts: bound.map((account) => ({
      accountId: account.accountId,
      label: account.accountId,
      domains: [...new Set(account.bindings.map((binding) => binding.site))],
    })),
    trustedSites: [],
  });
  return { guard, accounts: bound };
}

describe('release by bindings (properties)', () => {
  it('releases only to an account that is the most specific match on every frame', () => {
    let released = 0;
    fc.assert(
      fc.property(accountsArb, chainArb, (accounts, chain) => {
        const rules = rulesOf(accounts);
        const { accountIds } = accountsForFrame(rules, chainContext(chain.map((host) => `https://${host}/otp`)));
        if (accountIds.length > 0) released += 1;
        for (const id of accountIds) {
          const own = rules.accounts.find((account) => account.accountId === id)!;
          for (const host of chain) {
            const mine = specificityFor(own.bindings, host);
            expect(mine).toBeGreaterThan(0);
            for (const other of rules.accounts) expect(specificityFor(other.bindings, host)).toBeLessThanOrEqual(mine);
          }
        }
      }),
      { seed: 7, numRuns: 500 },
    );
    expect(released).toBeGreaterThan(50);
  });

  it('releases to the winner whenever it wins on every frame (nothing refused without a reason)', () => {
    fc.assert(
      fc.property(accountsArb, chainArb, (accounts, chain) => {
        const rules = rulesOf(accounts);
        const winsEverywhere = rules.accounts.filter((account) =>
          chain.every((host) => {
            const mine = specificityFor(account.bindings, host);
            return mine > 0 && rules.accounts.every((other) => specificityFor(other.bindings, host) <= mine);
          }),
        );
        const { accountIds } = accountsForFrame(rules, chainContext(chain.map((host) => `https://${host}/otp`)));
        expect(accountIds.sort()).toEqual(winsEverywhere.map((account) => account.accountId).sort());
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
