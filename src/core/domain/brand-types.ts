/**
 * The parts of the brand catalogue (src/core/domain/catalogue/catalogue.ts) the guard reads.
 * Declared structurally so the guard compiles against the shared contract on its own.
 */
export interface BrandLike {
  id: string;
  name: string;
  primaryDomain: string;
  domains: string[];
  brandTlds?: string[];
  labels: string[];
  publicContentHosts?: string[];
  serviceDomains?: string[];
}
export interface CatalogueLike {
  version: string;
  brands: readonly BrandLike[];
}
