/** Shared guard and context builders for the release-policy tests. */
import { reconcileBindings } from '../../../src/core/bindings/reconcile';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { createGuard } from '../../../src/core/domain/guard';
import type { ChainLink } from '../../../src/core/policy/frame-chain';
import type { FrameContext, ReleaseRules, Requester } from '../../../src/core/policy/release';
import { ok } from '../../../src/core/result';

const accounts = [
  { accountId: 'amazon-me', label: 'Amazon (me)', domains: ['amazon.com', 'amazon.co.uk'] },
  { accountId: 'amazon-work', label: 'Amazon (work)', domains: ['amazon.com'] },
  { accountId: 'bank', label: 'My bank', domains: ['mybank.example'] },
];

export const guard = createGuard({ catalogue: builtInCatalogue, accounts, trustedSites: ['amaz0n-deals.com'] });

/** The same accounts with whole-site bindings (what an old vault's `domains` migrate to). */
export const rules: ReleaseRules = {
  guard,
  accounts: accounts.map((account) => ({ accountId: account.accountId, bindings: reconcileBindings(account.domains, []) })),
};

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
};

/**
 * A context as the browser would give it: `urls` from the top page down to the requesting frame, each
 * frame with its own document id; the requester's origin is its URL's unless `requester` says otherwise.
 */
export function chainContext(urls: readonly string[], requester: Partial<Requester> = {}): FrameContext {
  const links: ChainLink[] = urls.map((url, index) => ({ frameId: index * 3, url, documentId: `doc-${index}`, documentLifecycle: 'active' }));
  const last = links.at(-1)!;
  return {
    requester: { frameId: last.frameId, url: last.url, origin: originOf(last.url), documentId: last.documentId!, ...requester },
    chain: ok(links),
  };
}

export const top = (url: string): FrameContext => chainContext([url]);
