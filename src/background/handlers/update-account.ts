import { parseTarget } from '../../core/domain/host';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** Domains are stored as registrable domains (ASCII); anything else is refused by name. */
export function normaliseDomains(domains: readonly string[]): string[] {
  const out = new Set<string>();
  for (const input of domains) {
    const parsed = parseTarget(input.trim());
    if (!parsed.ok || parsed.value.kind !== 'web') {
      throw new HandlerError('bad-domain', `“${input}” is not a website's domain.`);
    }
    out.add(parsed.value.registrableDomain);
  }
  return [...out];
}

export const updateAccount =
  (services: Services): UiHandlers['ui:update-account'] =>
  async ({ id, issuer, accountName, domains, expectedRevision }) => {
    requireUnlocked(services.vault.unlocked);
    const account = services.vault.account(id);
    if (!account) throw new HandlerError('not-found', 'That account no longer exists.');
    const updated = {
      ...account,
      ...(issuer !== undefined ? { issuer: issuer.trim() } : {}),
      ...(accountName !== undefined ? { accountName: accountName.trim() } : {}),
      ...(domains !== undefined ? { domains: normaliseDomains(domains) } : {}),
      updatedAt: services.clock.now(),
    };
    unwrapVault(await services.vault.putAccounts([updated], expectedRevision));
    return { revision: services.vault.revision };
  };
