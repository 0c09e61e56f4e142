/**
 * Holds the current domain guard. The index is built once per change of rules (accounts' domains,
 * trusted sites), not per check; verdicts are cached inside the guard per host.
 */
import { builtInCatalogue } from '../core/domain/catalogue/catalogue';
import { type AccountRule, createGuard, type Guard } from '../core/domain/guard';

export interface GuardHolder {
  current(): Guard;
  setAccounts(accounts: AccountRule[]): void;
  setTrustedSites(sites: string[]): void;
  accounts(): readonly AccountRule[];
  trustedSites(): readonly string[];
}

export function createGuardHolder(): GuardHolder {
  let accounts: AccountRule[] = [];
  let trustedSites: string[] = [];
  let guard: Guard | null = null;
  return {
    current() {
      guard ??= createGuard({ catalogue: builtInCatalogue, accounts, trustedSites });
      return guard;
    },
    setAccounts(next) {
      accounts = next;
      guard = null;
    },
    setTrustedSites(next) {
      trustedSites = next;
      guard = null;
    },
    accounts: () => accounts,
    trustedSites: () => trustedSites,
  };
}
