import type { Catalogue } from './types';

export interface CatalogueStats {
  brands: number;
  domains: number;
  brandTlds: number;
  labels: number;
  publicContentHosts: number;
  serviceDomains: number;
}

/** Counts quoted in docs/brand-catalogue.md (a test keeps the two in step). */
export function catalogueStats(catalogue: Catalogue): CatalogueStats {
  const stats: CatalogueStats = { brands: catalogue.brands.length, domains: 0, brandTlds: 0, labels: 0, publicContentHosts: 0, serviceDomains: 0 };
  for (const brand of catalogue.brands) {
    stats.domains += brand.domains.length;
    stats.brandTlds += brand.brandTlds?.length ?? 0;
    stats.labels += brand.labels.length;
    stats.publicContentHosts += brand.publicContentHosts?.length ?? 0;
    stats.serviceDomains += brand.serviceDomains?.length ?? 0;
  }
  return stats;
}
