/**
 * Which accounts belong to a page: every binding that covers the page's host competes, and the
 * most specific one wins (`aws.amazon.com` beats `amazon.com` on `signin.aws.amazon.com`).
 * Equal specificity between accounts is a tie: all of them are returned and the caller asks.
 */
import { type Binding, bindingSpecificity } from './binding';

/** The page as the guard already parsed it (a WebTarget has both fields). */
export interface PageHost {
  /** Lower-case ASCII host, no trailing dot. */
  asciiHost: string;
  registrableDomain: string;
}

export interface AccountBindings {
  accountId: string;
  bindings: readonly Binding[];
}

export interface BindingMatch {
  /** Winning accounts, in input order; empty when no binding covers the page. */
  accountIds: string[];
  /** Labels of the winning binding host; 0 when nothing matched. */
  specificity: number;
  /** Every account with some binding covering the page, best first (for "other accounts here"). */
  candidates: { accountId: string; host: string; specificity: number }[];
}

/** Whole-label suffix match inside one registrable domain. */
export function bindingCovers(binding: Binding, page: PageHost): boolean {
  if (binding.site !== page.registrableDomain) return false;
  return page.asciiHost === binding.host || page.asciiHost.endsWith(`.${binding.host}`);
}

/** The most specific covering binding of one account, or null. */
function bestBinding(bindings: readonly Binding[], page: PageHost): Binding | null {
  let best: Binding | null = null;
  for (const binding of bindings) {
    if (!bindingCovers(binding, page)) continue;
    if (best === null || bindingSpecificity(binding) > bindingSpecificity(best)) best = binding;
  }
  return best;
}

export function matchBindings(page: PageHost, accounts: readonly AccountBindings[]): BindingMatch {
  const candidates: BindingMatch['candidates'] = [];
  for (const account of accounts) {
    const best = bestBinding(account.bindings, page);
    if (best) candidates.push({ accountId: account.accountId, host: best.host, specificity: bindingSpecificity(best) });
  }
  const specificity = candidates.reduce((max, candidate) => Math.max(max, candidate.specificity), 0);
  const accountIds = candidates.filter((candidate) => candidate.specificity === specificity).map((candidate) => candidate.accountId);
  const ordered = [...candidates].sort((a, b) => b.specificity - a.specificity);
  return { accountIds: specificity === 0 ? [] : [...new Set(accountIds)], specificity, candidates: ordered };
}

/** Does any of the account's bindings cover the page (for a frame: "is this frame one of the account's")? */
export const accountCoversPage = (bindings: readonly Binding[], page: PageHost): boolean =>
  bindings.some((binding) => bindingCovers(binding, page));

/**
 * The accounts whose code may go to a field: the winners on the top-level page, kept only when one
 * of their bindings also covers the field's frame (null: the field is in the top document). A
 * less specific account is never promoted when the winner is refused for the frame: nothing goes.
 */
export function accountsForDocument(top: PageHost, frame: PageHost | null, accounts: readonly AccountBindings[]): string[] {
  const winners = new Set(matchBindings(top, accounts).accountIds);
  if (frame === null) return [...winners];
  return accounts.filter((account) => winners.has(account.accountId) && accountCoversPage(account.bindings, frame)).map((account) => account.accountId);
}
