/**
 * Holds the current domain guard and the accounts' bindings the release decision reads. The index is
 * built once per change of rules (accounts' domains, trusted sites), not per check; verdicts are
 * cached inside the guard per host.
 */
import type { Binding } from '../core/bindings/binding';
import type { AccountBindings } from '../core/bindings/match';
import { reconcileBindings } from '../core/bindings/reconcile';
import { builtInCatalogue } from '../core/domain/catalogue/catalogue';
import { type AccountRule, createGuard, type Guard } from '../core/domain/guard';
import type { Account } from '../core/otp/account';
import type { ReleaseRules } from '../core/policy/release';
import { displayName } from './session/vault-session';

/** An account as the guard sees it, with its bindings; without them, each domain is a whole-site binding (as on a vault read). */
export interface BoundAccountRule extends AccountRule {
  bindings?: readonly Binding[];
}

export interface GuardHolder {
  current(): Guard;
  setAccounts(accounts: BoundAccountRule[]): void;
  setTrustedSites(sites: string[]): void;
  accounts(): readonly BoundAccountRule[];
  trustedSites(): readonly string[];
  /** The guard and every account's bindings, for the release policy (no accounts while locked). */
  releaseRules(): ReleaseRules;
}

const bindingsOf = (rule: BoundAccountRule): AccountBindings => ({
  accountId: rule.accountId,
  bindings: reconcileBindings(rule.domains, rule.bindings ?? []),
});

export function createGuardHolder(): GuardHolder {
  let accounts: BoundAccountRule[] = [];
  let bound: AccountBindings[] = [];
  let trustedSites: string[] = [];
  let guard: Guard | null = null;
  const current = (): Guard => {
    guard ??= createGuard({ catalogue: builtInCatalogue, accounts, trustedSites });
    return guard;
  };
  return {
    current,
    releaseRules: () => ({ guard: current(), accounts: bound }),
    setAccounts(next) {
      accounts = next;
      bound = next.map(bindingsOf);
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
  vault: { onChange(listener: () => void): void; accounts(): readonly Pick<Account, 'id' | 'issuer' | 'accountName' | 'domains' | 'bindings'>[] },
  guard: GuardHolder,
): void {
  vault.onChange(() => {
    guard.setAccounts(
      vault.accounts().map((account) => ({ accountId: account.id, label: displayName(account), domains: account.domains, bindings: account.bindings })),
    );
  });
}
