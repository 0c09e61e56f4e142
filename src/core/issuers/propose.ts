/**
 * Which bindings enrolment proposes for a new account. The issuer catalogue's sign-in hosts when it
 * knows the issuer (whole-name match); otherwise the page the code was scanned on and the main site of
 * a brand of that exact name, whole-site. Sites the draft itself carries are kept either way. Never proposed: ad, CDN and user-content domains (the issuer
 * catalogue's list, the brand catalogue's service domains and public-content hosts).
 */
import type { Binding } from '../bindings/binding';
import { parseBinding } from '../bindings/parse-binding';
import type { CatalogueLike } from '../domain/brand-types';
import { aliasKey } from './alias-key';
import type { IssuerCatalogue } from './issuers';

export interface ProposalInput {
  issuer: string;
  /** Registrable domains of the page the QR code was scanned on (scan-tab), if any. */
  pageDomains: readonly string[];
  /** What the draft itself carries (parsers leave these empty; some imports do not). */
  domains: readonly string[];
  bindings: readonly Binding[];
}

const hostUnder = (host: string, suffix: string) => host === suffix || host.endsWith(`.${suffix}`);

export function isBrandNonSignIn(binding: Binding, brands: CatalogueLike): boolean {
  return brands.brands.some(
    (brand) =>
      (brand.serviceDomains ?? []).includes(binding.site) ||
      // A site binding that merely contains such hosts is fine: the guard never verifies them, so nothing is released there.
      (brand.publicContentHosts ?? []).some((host) => hostUnder(binding.host, host)),
  );
}

/** A brand whose name or label is exactly the issuer's name: its main site only (never all its domains). */
function brandMainSite(issuer: string, brands: CatalogueLike): string[] {
  const key = aliasKey(issuer.replace(/\.[a-z]{2,}$/i, ''));
  if (key === '') return [];
  const brand = brands.brands.find((candidate) => aliasKey(candidate.name) === key || candidate.labels.some((label) => aliasKey(label) === key));
  return brand ? [brand.primaryDomain] : [];
}

export function proposeBindings(input: ProposalInput, issuers: IssuerCatalogue, brands: CatalogueLike): Binding[] {
  const known = issuers.bindingsFor(input.issuer);
  // Sites the draft itself names (another app's export) are the user's own choice and always stay.
  const wholeSites = known.length > 0 ? [...input.domains] : [...input.pageDomains, ...input.domains, ...brandMainSite(input.issuer, brands)];
  const out: Binding[] = [];
  const seen = new Set<string>();
  const add = (binding: Binding) => {
    if (seen.has(binding.host) || issuers.neverProposed(binding) || isBrandNonSignIn(binding, brands)) return;
    seen.add(binding.host);
    out.push(binding);
  };
  for (const binding of [...known, ...input.bindings]) add(binding);
  for (const site of wholeSites) {
    const parsed = parseBinding(site);
    if (parsed.ok) add(parsed.value);
  }
  return out;
}
