/**
 * Holds the current domain guard. The index is built once per change of rules (accounts' domains,
 * trusted sites), not per check; verdicts are cached inside the guard per host.
 */
import { builtInCatalogue } from '../core/domain/catalogue/catalogue';
import { type AccountRule, createGuard, type Guard } from '../core/domain/guard';
import type { Account } from '../core/otp/account';
import { displayName } from './session/vault-session';

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

/** The guard knows the accounts' domains only while the vault is unlocked (they are sealed in it). */
export function guardFollowsVault(
  vault: { onChange(listener: () => void): void; accounts(): readonly Pick<Account, 'id' | 'issuer' | 'accountName' | 'domains'>[] },
  guard: GuardHolder,
): void {
  vault.onChange(() => {
    guard.setAccounts(vault.accounts().map((account) => ({ accountId: account.id, label: displayName(account), domains: account.domains })));
  });
}
