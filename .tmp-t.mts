import { builtInCatalogue } from './src/core/domain/catalogue/catalogue';
import { createGuard } from './src/core/domain/guard';
const g = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
for (const h of process.argv.slice(2)) { const v = g.verdict(h); console.log(h, v.kind, v.kind === 'lookalike' ? `${v.imitates.id} ${v.confidence} ${v.score} ${v.reasons.map(r=>r.code)} | ${v.evidence.map(e=>e.signal+':'+e.points).join(' ')}` : v.kind === 'unknown' ? JSON.stringify(v.reasons ?? []) + (v.brandOwned?.id ?? '') : ''); }
