// Domain guard benchmark: speed (uncached/cached, catalogue alone and with 10,000 protected domains),
// index build cost, a naive Levenshtein-to-everything baseline, recall per technique, eval-data figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCatalogue } from '../src/core/domain/catalogue/catalogue';
import { editDistance } from '../src/core/domain/distance';
import { type AccountRule, createGuard, type Guard } from '../src/core/domain/guard';
import { parseTarget } from '../src/core/domain/host';
import { phishRows, readEvalLines } from './eval-data';
import { generateCorpus } from './lookalike-corpus';

const now = (): number => performance.now();
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

function protectedDomains(n: number): AccountRule[] {
  const syll = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'po', 've', 'zu', 'da', 'fe', 'gi', 'ho', 'ju'];
  const out: AccountRule[] = [];
  for (let i = 0; out.length < n; i++) {
    let x = i * 7919 + 17;
    let name = '';
    for (let k = 0; k < 4; k++) {
      name += syll[x % syll.length];
      x = Math.floor(x / syll.length) + k * 31;
    }
    out.push({ accountId: `p${i}`, label: `${name}${i}`, domains: [`${name}${i}.com`] });
  }
  return out;
}

function timeChecks(guard: Guard, inputs: string[]): { perSec: number; median: number; p99: number } {
  const samples: number[] = [];
  const t0 = now();
  for (const input of inputs) {
    const s = now();
    guard.verdict(input);
    samples.push((now() - s) * 1000);
  }
  const total = now() - t0;
  return { perSec: Math.round(inputs.length / (total / 1000)), median: pct(samples, 0.5), p99: pct(samples, 0.99) };
}

function naiveBaseline(names: string[], inputs: string[]): number {
  const t0 = now();
  for (const input of inputs) {
    const p = parseTarget(input);
    const label = p.ok && p.value.kind === 'web' ? (p.value.registrableDomain.split('.')[0] ?? '') : '';
    let best = 99;
    for (const n of names) best = Math.min(best, editDistance(label, n, 99));
  }
  return (now() - t0) / inputs.length;
}

export async function runDomainBench(): Promise<void> {
  const brands = builtInCatalogue.brands;
  const corpus = generateCorpus(brands);
  const legit = readEvalLines('legit-top.txt');
  const inputs = [...corpus.map((c) => c.host), ...(legit ?? []).slice(0, 5000)];
  const rows: string[][] = [];
  for (const [label, accounts] of [['catalogue', []], ['catalogue + 10,000 protected', protectedDomains(10_000)]] as const) {
    const before = process.memoryUsage().heapUsed;
    const b0 = now();
    const makeGuard = () => createGuard({ catalogue: builtInCatalogue, accounts: [...accounts], trustedSites: [] });
    const guard = makeGuard();
    const buildMs = now() - b0;
    const memMb = (process.memoryUsage().heapUsed - before) / 1e6;
    const uncached = timeChecks(makeGuard(), inputs);
    // Cached: a working set that fits the guard's cache (5,000 entries), checked again (as when the
    // same pages come back); a set larger than the cache would only measure evictions.
    const workingSet = inputs.slice(0, 4000);
    timeChecks(guard, workingSet);
    const cached = timeChecks(guard, workingSet);
    const names = [...brands.flatMap((b) => b.labels), ...accounts.map((a) => a.domains[0]?.split('.')[0] ?? '')];
    const naiveUs = naiveBaseline(names, inputs.slice(0, 2000)) * 1000;
    rows.push([label, `${guard.protectedNameCount}`, buildMs.toFixed(1), memMb.toFixed(1), `${uncached.perSec}`, uncached.median.toFixed(1), uncached.p99.toFixed(1), `${cached.perSec}`, cached.median.toFixed(2), cached.p99.toFixed(2), naiveUs.toFixed(1), `${(naiveUs / uncached.median).toFixed(1)}x`]);
  }
  console.log('\nDomain guard speed (µs per check; naive = Levenshtein to every protected name, µs mean)');
  console.table(rows.map((r) => ({ setup: r[0], names: r[1], 'build ms': r[2], 'heap MB': r[3], 'uncached/s': r[4], 'unc. median': r[5], 'unc. p99': r[6], 'cached/s': r[7], 'cached median': r[8], 'cached p99': r[9], 'naive µs': r[10], 'naive/median': r[11] })));

  const guard = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
  const perTech = new Map<string, { n: number; hit: number }>();
  for (const c of corpus) {
    const v = guard.verdict(c.host);
    const s = perTech.get(c.technique) ?? { n: 0, hit: 0 };
    s.n++;
    if (v.kind === 'lookalike' && v.imitates.id === c.brandId) s.hit++;
    perTech.set(c.technique, s);
  }
  console.log('\nRecall per technique on the generated corpus');
  console.table([...perTech].map(([technique, s]) => ({ technique, cases: s.n, recall: (s.hit / s.n).toFixed(3) })));

  const own = measureOwnLegit(guard);
  console.log(`\nFalse positives on our own list (bench/data/own-legit.txt): ${own.flagged.length} of ${own.total} = ${own.perThousand} per 1,000${own.flagged.length ? ` (${own.flagged.join(', ')})` : ''}`);

  const m = measureEval(guard);
  if (!m) console.log('\n(eval data not found at ../shared/eval-data: skipped)');
  else console.table([m]);
}

/** Our own assembled legit list: brands' sites and unrelated businesses with brand-like names. */
export function measureOwnLegit(guard: Guard): { total: number; flagged: string[]; perThousand: string } {
  const lines = readFileSync(join(import.meta.dirname, 'data', 'own-legit.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const flagged = lines.filter((domain) => guard.verdict(`https://www.${domain}/`).kind === 'lookalike');
  return { total: lines.length, flagged, perThousand: ((flagged.length / lines.length) * 1000).toFixed(1) };
}

export function measureEval(guard: Guard): { fpPer1000: string; phishRecallHosts: string; phishRecallDomains: string; ownedFlagged: number } | null {
  const legit = readEvalLines('legit-top.txt');
  const rows = phishRows();
  if (!legit || !rows) return null;
  const fp = legit.filter((d) => guard.verdict(d).kind === 'lookalike').length;
  const byPrimary = new Map(builtInCatalogue.brands.map((b) => [b.primaryDomain, b.id]));
  const certain = rows.filter((r) => r.certain);
  const ok = (r: (typeof certain)[number]) => {
    const v = guard.verdict(r.host);
    return v.kind === 'lookalike' && (v.imitates.primaryDomain === r.brandDomain || v.imitates.id === byPrimary.get(r.brandDomain));
  };
  const hostHits = certain.filter(ok).length;
  const byDomain = new Map<string, boolean>();
  for (const r of certain) byDomain.set(r.registrableDomain, (byDomain.get(r.registrableDomain) ?? false) || ok(r));
  const variants = readEvalLines('legit-brand-variants.txt') ?? [];
  const ownedFlagged = variants.slice(1).filter((l) => {
    const [d, , rel] = l.split('\t');
    return rel === 'owned' && d && !d.startsWith('*') && guard.verdict(d).kind === 'lookalike';
  }).length;
  return {
    fpPer1000: ((fp / legit.length) * 1000).toFixed(2),
    phishRecallHosts: (hostHits / certain.length).toFixed(3),
    phishRecallDomains: ([...byDomain.values()].filter(Boolean).length / byDomain.size).toFixed(3),
    ownedFlagged,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runDomainBench();
