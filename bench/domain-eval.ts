// Detection figures for issue 12, on development data only:
// - the dnstwist permutation corpus (scripts/dev-corpus.py, brands NOT in phish-dev, check half of them),
//   recall per technique and per brand-length band;
// - real phishing hosts (phish-dev.tsv, check half by registrable domain), per host and per domain;
// - false alarms per 1,000 on legit-top.txt, by confidence; false "verified" on phishing and permutations;
// - µs per uncached verdict (median of 3 runs, fresh guard each, after a warm-up).
// `npx tsx bench/domain-eval.ts [--half tune|check] [--misses N]` (tuning looks at --half tune only).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCatalogue } from '../src/core/domain/catalogue/catalogue';
import { createGuard, type Guard, type Verdict } from '../src/core/domain/guard';
import { type PhishRow, phishHalf, phishRows, readEvalLines } from './eval-data';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '.cache', 'dev-corpus.tsv');
const SCRIPT = join(ROOT, 'scripts', 'dev-corpus.py');

export interface CorpusRow {
  host: string;
  technique: string;
  brandId: string;
  labelLength: number;
  half: 'tune' | 'check';
}

/** The permutation corpus, generated into .cache/ (gitignored) when missing or older than its script or the catalogue. */
export function loadCorpus(): CorpusRow[] | null {
  const catalogueFile = join(ROOT, 'src', 'core', 'domain', 'catalogue', 'brands.json');
  const stale = !existsSync(CORPUS) || statSync(CORPUS).mtimeMs < Math.max(statSync(SCRIPT).mtimeMs, statSync(catalogueFile).mtimeMs);
  if (stale) {
    if (!existsSync('/usr/bin/python3')) return null;
    const run = spawnSync('/usr/bin/python3', [SCRIPT, '--out', CORPUS], { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) {
      console.log(`(dev corpus not generated: ${run.stderr.trim().split('\n').pop() ?? 'unknown error'})`);
      return null;
    }
  }
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [host = '', technique = '', brandId = '', len = '0', half = 'tune'] = l.split('\t');
      return { host, technique, brandId, labelLength: Number(len), half: half === 'check' ? 'check' : 'tune' };
    });
}

export const lengthBand = (n: number): string => (n <= 4 ? '≤4' : n <= 6 ? '5-6' : n <= 9 ? '7-9' : '≥10');
const ONE_EDIT = new Set(['addition', 'bitsquatting', 'insertion', 'omission', 'replacement', 'repetition', 'transposition', 'vowel-swap']);

const confidenceOf = (v: Verdict): string => (v.kind === 'lookalike' ? ((v as { confidence?: string }).confidence ?? 'high') : '-');
const pct = (hit: number, n: number): string => (n === 0 ? '-' : `${((hit / n) * 100).toFixed(1)} %`);

const byPrimary = new Map(builtInCatalogue.brands.map((b) => [b.primaryDomain, b.id]));
export function flagsBrand(v: Verdict, row: PhishRow): boolean {
  return v.kind === 'lookalike' && (v.imitates.primaryDomain === row.brandDomain || v.imitates.id === byPrimary.get(row.brandDomain));
}

interface Tally {
  n: number;
  hit: number;
}
const bump = (map: Map<string, Tally>, key: string, hit: boolean): void => {
  const t = map.get(key) ?? { n: 0, hit: 0 };
  t.n++;
  if (hit) t.hit++;
  map.set(key, t);
};

function corpusFigures(guard: Guard, corpus: CorpusRow[], half: string, legit: Set<string>, misses: number): { verified: number; oneEdit: Tally } {
  const perTech = new Map<string, Tally>();
  const perBand = new Map<string, Tally>();
  const perTechBand = new Map<string, Tally>();
  const missed: string[] = [];
  let verified = 0;
  let collisions = 0;
  const oneEdit = { n: 0, hit: 0 };
  for (const row of corpus) {
    if (row.half !== half) continue;
    if (legit.has(row.host)) {
      collisions++;
      continue;
    }
    const v = guard.verdict(row.host);
    // dnstwist's subdomain fuzzer can land on another brand's real domain (book.ing.com is ING's): not a lookalike.
    if (v.kind === 'verified' && v.brand && v.brand.id !== row.brandId) {
      collisions++;
      continue;
    }
    if (v.kind === 'verified') verified++;
    const hit = v.kind === 'lookalike' && v.imitates.id === row.brandId;
    bump(perTech, row.technique, hit);
    const band = lengthBand(row.labelLength);
    if (ONE_EDIT.has(row.technique)) {
      bump(perBand, band, hit);
      oneEdit.n++;
      if (hit) oneEdit.hit++;
    }
    bump(perTechBand, `${row.technique} ${band}`, hit);
    if (!hit && missed.length < misses) missed.push(`${row.technique}\t${row.host}\t${row.brandId}\t${v.kind}`);
  }
  console.log(`\nPermutations (dnstwist Fuzzer, brands not in phish-dev, ${half} half; ${collisions} names that are in legit-top or another brand's real domain left out)`);
  const bands = ['≤4', '5-6', '7-9', '≥10'];
  console.table(
    [...perTech].map(([technique, t]) => ({
      technique,
      cases: t.n,
      recall: pct(t.hit, t.n),
      ...Object.fromEntries(bands.map((b) => [b, pct(perTechBand.get(`${technique} ${b}`)?.hit ?? 0, perTechBand.get(`${technique} ${b}`)?.n ?? 0)])),
    })),
  );
  console.log('One-edit permutations (addition, bit flips, insertion, omission, replacement, repetition, transposition, vowel swap) by brand length:');
  console.table(bands.map((b) => ({ band: b, cases: perBand.get(b)?.n ?? 0, recall: pct(perBand.get(b)?.hit ?? 0, perBand.get(b)?.n ?? 0) })));
  if (missed.length) console.log(`missed (first ${missed.length}):\n${missed.join('\n')}`);
  return { verified, oneEdit };
}

function phishFigures(guard: Guard, rows: PhishRow[], half: string, misses: number): { verified: number; hostRecall: string } {
  const mine = rows.filter((r) => r.certain && phishHalf(r) === half);
  const byDomain = new Map<string, boolean>();
  const slices = new Map<string, Tally>();
  const missed: string[] = [];
  let hits = 0;
  let verified = 0;
  for (const r of mine) {
    const v = guard.verdict(r.host);
    if (v.kind === 'verified') verified++;
    const hit = flagsBrand(v, r);
    if (hit) hits++;
    byDomain.set(r.registrableDomain, (byDomain.get(r.registrableDomain) ?? false) || hit);
    bump(slices, `brand in ${r.brandIn}`, hit);
    bump(slices, `hosting ${r.hosting}`, hit);
    if (!hit && missed.length < misses) missed.push(`${r.host}\t${r.brandDomain}\t${v.kind === 'lookalike' ? `lookalike:${v.imitates.id}` : v.kind}`);
  }
  const domainHits = [...byDomain.values()].filter(Boolean).length;
  console.log(`\nReal phishing (phish-dev.tsv certain rows, ${half} half by registrable domain)`);
  console.table([
    { what: 'hosts', cases: mine.length, recall: pct(hits, mine.length) },
    { what: 'registrable domains', cases: byDomain.size, recall: pct(domainHits, byDomain.size) },
    ...[...slices].map(([what, t]) => ({ what, cases: t.n, recall: pct(t.hit, t.n) })),
  ]);
  if (missed.length) console.log(`missed (first ${missed.length}):\n${missed.join('\n')}`);
  return { verified, hostRecall: pct(hits, mine.length) };
}

function legitFigures(guard: Guard, legit: string[], misses: number): string {
  const byConfidence = new Map<string, string[]>();
  for (const d of legit) {
    const v = guard.verdict(d);
    if (v.kind !== 'lookalike') continue;
    const list = byConfidence.get(confidenceOf(v)) ?? [];
    list.push(`${d}→${v.imitates.id}(${v.reasons.map((r) => r.code).join(',')})`);
    byConfidence.set(confidenceOf(v), list);
  }
  const all = [...byConfidence.values()].flat();
  const per1000 = ((all.length / legit.length) * 1000).toFixed(2);
  const warned = (byConfidence.get('high')?.length ?? 0) + (byConfidence.get('medium')?.length ?? 0);
  console.log(`\nFalse alarms on legit-top.txt (${legit.length} domains): ${all.length} = ${per1000} per 1,000 at any confidence; ${warned} = ${((warned / legit.length) * 1000).toFixed(2)} per 1,000 at medium or high (banner or interstitial)`);
  for (const c of ['high', 'medium', 'low']) {
    const list = byConfidence.get(c) ?? [];
    console.log(`  ${c}: ${list.length}${list.length ? ` — ${list.slice(0, misses || 60).join(' ')}` : ''}`);
  }
  return per1000;
}

/** µs per uncached verdict: fresh guard per run (nothing cached), after a warm-up pass on another guard. */
export function verdictSpeed(inputs: string[]): { median: number; p99: number; runs: number[] } {
  const make = () => createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
  const warm = make();
  for (const input of inputs) warm.verdict(input);
  const medians: number[] = [];
  const p99s: number[] = [];
  for (let run = 0; run < 3; run++) {
    const guard = make();
    const samples = new Float64Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      const t = performance.now();
      guard.verdict(inputs[i] ?? '');
      samples[i] = (performance.now() - t) * 1000;
    }
    samples.sort();
    medians.push(samples[Math.floor(samples.length / 2)] ?? 0);
    p99s.push(samples[Math.floor(samples.length * 0.99)] ?? 0);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
  return { median: mid(medians), p99: mid(p99s), runs: medians };
}

export async function runDomainEval(argv: string[] = []): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const half = arg('half') === 'tune' ? 'tune' : 'check';
  const misses = Number(arg('misses') ?? 0);
  const legit = readEvalLines('legit-top.txt');
  const rows = phishRows();
  if (!legit || !rows) {
    console.log('\n(detection figures: ../shared/eval-data not found; set OTPGUARD_EVAL_DIR)');
    return;
  }
  const guard = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
  console.log(`\n=== Lookalike detection (issue 12), ${half} half ===`);
  const corpus = loadCorpus();
  const corpusResult = corpus ? corpusFigures(guard, corpus, half, new Set(legit), misses) : { verified: 0, oneEdit: { n: 0, hit: 0 } };
  const phish = phishFigures(guard, rows, half, misses);
  const per1000 = legitFigures(guard, legit, misses);
  const variants = (readEvalLines('legit-brand-variants.txt') ?? []).map((l) => l.split('\t')).filter(([d, , rel]) => rel === 'owned' && d && !d.startsWith('*'));
  const ownedFlagged = variants.filter(([d]) => guard.verdict(d ?? '').kind === 'lookalike').length;
  const speedInputs = [...legit.slice(0, 5000), ...rows.filter((r) => phishHalf(r) === half).map((r) => r.host).slice(0, 2500), ...(corpus ?? []).filter((c) => c.half === half).map((c) => c.host).filter((_, i) => i % 8 === 0)];
  const speed = verdictSpeed(speedInputs);
  console.log('\nSummary');
  console.table([
    { figure: 'real phishing hosts flagged as their brand (certain rows)', value: phish.hostRecall, goal: '≥ 95 %' },
    { figure: 'one-edit permutations flagged', value: pct(corpusResult.oneEdit.hit, corpusResult.oneEdit.n), goal: '≥ 99 %' },
    { figure: 'false alarms per 1,000 on legit-top', value: per1000, goal: '≤ 0.5' },
    { figure: 'phishing or permutation hosts called "verified"', value: String(phish.verified + corpusResult.verified), goal: '0' },
    { figure: `brands' own domains missing from the catalogue (legit-brand-variants "owned", ${variants.length}) flagged`, value: String(ownedFlagged), goal: '0 (catalogue gaps)' },
    { figure: `µs per uncached verdict, median (p99) of ${speedInputs.length} inputs, 3 runs`, value: `${speed.median.toFixed(1)} (${speed.p99.toFixed(0)}); runs ${speed.runs.map((m) => m.toFixed(1)).join(' / ')}`, goal: 'not slower than before' },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) await runDomainEval(process.argv.slice(2));
