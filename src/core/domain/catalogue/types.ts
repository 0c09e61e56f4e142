/** The catalogue's data types; see docs/brand-catalogue.md for the rules each field follows. */
export const BRAND_CATEGORIES = [
  'shopping',
  'payments',
  'tech',
  'social',
  'streaming',
  'bank',
  'crypto',
  'delivery',
  'other',
] as const;
export type BrandCategory = (typeof BRAND_CATEGORIES)[number];

export interface Brand {
  /** Stable key ("amazon"): lower case [a-z0-9-]. */
  id: string;
  /** Display name ("Amazon"). */
  name: string;
  /** The "Go to the real site" target; always one of `domains`. */
  primaryDomain: string;
  /** Registrable domains the brand owns, ASCII (punycode), lower case. */
  domains: string[];
  /** Brand gTLDs where every name is brand-operated ("amazon" covers *.amazon). */
  brandTlds?: string[];
  /** Names a lookalike imitates; the detector indexes these. */
  labels: string[];
  category: BrandCategory;
  /**
   * Hosts under the brand's domains (or brand TLDs) where anyone can publish. An entry
   * matches the host itself and every subdomain of it; such hosts are never `verified`.
   */
  publicContentHosts?: string[];
  /**
   * Registrable domains the brand owns for services (CDN, API, user content, status, updates,
   * telemetry): never `verified` (no code is filled there), never `lookalike` either; the guard
   * answers `unknown` with a `brand-owned` reason.
   */
  serviceDomains?: string[];
  /** Where the domain list comes from (http(s) URLs). */
  sources: string[];
}

export interface Catalogue {
  /** CalVer "YYYY.MM.DD": the date of the last change to the brand data. */
  version: string;
  brands: Brand[];
}
