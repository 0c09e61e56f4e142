/**
 * Keeps the old `domains` list (registrable domains, still read by the guard) and the new bindings
 * in step. Until every writer sets bindings, `domains` decides which sites an account has: a
 * binding whose site was removed from `domains` goes, a domain with no binding gets a whole-site
 * binding. Domains that are no longer valid sites stay in `domains` (nothing is dropped) but get
 * no binding.
 */
import type { Binding } from './binding';
import { parseBinding } from './parse-binding';

export function reconcileBindings(domains: readonly string[], bindings: readonly Binding[]): Binding[] {
  const sites = new Set(domains);
  const out: Binding[] = [];
  const hosts = new Set<string>();
  for (const binding of bindings) {
    if (!sites.has(binding.site) || hosts.has(binding.host)) continue;
    hosts.add(binding.host);
    out.push(binding);
  }
  const covered = new Set(out.map((binding) => binding.site));
  for (const domain of domains) {
    if (covered.has(domain)) continue;
    const parsed = parseBinding(domain);
    // An old domain is migrated only to itself: a domain that parses to another site is not guessed at.
    if (!parsed.ok || parsed.value.host !== domain || parsed.value.site !== domain) continue;
    covered.add(domain);
    out.push(parsed.value);
  }
  return out;
}

/** The registrable domains of a set of bindings, first-seen order: what `domains` must hold. */
export function sitesOfBindings(bindings: readonly Binding[]): string[] {
  return [...new Set(bindings.map((binding) => binding.site))];
}
