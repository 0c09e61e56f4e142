import { parseTarget } from '../../core/domain/host';
import { type AccountDraft, withBindings, withDomains } from '../../core/otp/account';
import type { BindingInput } from '../../messaging/protocol';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { parseBindingInputs } from '../binding-input';
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

/**
 * Where an account's code goes, from what the popup sent: `bindings` (hosts, most specific wins) or the
 * old `domains` (sites); not both. Null: neither was sent, nothing changes. Every refusal is a
 * HandlerError with the core's own sentence, before anything is written.
 * `domains` from the account editor (`keep-narrower`: it always sends them all) keep the narrower
 * bindings of the sites that stay, so renaming an AWS account keeps it on aws.amazon.com; `domains` the
 * user typed over a preview (`whole-sites`) mean those whole sites, as they always did.
 */
export function siteChange(
  domains: readonly string[] | undefined,
  bindings: readonly BindingInput[] | undefined,
  domainsMean: 'keep-narrower' | 'whole-sites' = 'keep-narrower',
) {
  if (domains !== undefined && bindings !== undefined) {
    throw new HandlerError('bad-domain', 'Send the sites either as domains or as bindings, not both.');
  }
  if (bindings !== undefined) {
    const parsed = parseBindingInputs(bindings);
    return <T extends AccountDraft>(account: T) => withBindings(account, parsed);
  }
  if (domains !== undefined) {
    const sites = normaliseDomains(domains);
    if (domainsMean === 'whole-sites') return <T extends AccountDraft>(account: T) => withBindings(account, wholeSites(sites));
    return <T extends AccountDraft>(account: T) => withDomains(account, sites);
  }
  return null;
}

const wholeSites = (sites: readonly string[]) => parseBindingInputs(sites);

export const updateAccount =
  (services: Services): UiHandlers['ui:update-account'] =>
  async ({ id, issuer, accountName, domains, bindings, expectedRevision }) => {
    requireUnlocked(services.vault.unlocked);
    const account = services.vault.account(id);
    if (!account) throw new HandlerError('not-found', 'That account no longer exists.');
    const change = siteChange(domains, bindings);
    const renamed = {
      ...account,
      ...(issuer !== undefined ? { issuer: issuer.trim() } : {}),
      ...(accountName !== undefined ? { accountName: accountName.trim() } : {}),
      updatedAt: services.clock.now(),
    };
    const updated = change ? change(renamed) : renamed;
    unwrapVault(await services.vault.putAccounts([updated], expectedRevision));
    services.broadcastPageState();
    return { revision: services.vault.revision };
  };
