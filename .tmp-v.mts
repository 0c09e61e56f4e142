import { builtInCatalogue } from './src/core/domain/catalogue/catalogue';
import { createGuard } from './src/core/domain/guard';
import { phishRows } from './bench/eval-data';
import { loadCorpus } from './bench/domain-eval';
const g = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
for (const r of phishRows() ?? []) if (g.verdict(r.host).kind === 'verified') console.log('phish', r.host, r.brandDomain, r.certain);
for (const r of loadCorpus() ?? []) if (g.verdict(r.host).kind === 'verified') console.log('corpus', r.host, r.brandId, r.half);
