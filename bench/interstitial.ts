/**
 * How many verdicts would get the interstitial (OTP Guard's warning page instead of the site) rather
 * than the banner: on popular legit domains (must be ~0), brands' own variant domains, our own hard
 * legit list, and the phishing dev set (per host and per registrable domain); then, in Chromium, how
 * long a lookalike runs when the navigation has to wake the background (bench/interstitial-wake.ts).
 * Run alone with `npx tsx bench/interstitial.ts` (`--counts` or `--wake` for one half).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtInCatalogue } from '../src/core/domain/catalogue/catalogue';
import { createGuard, type Guard } from '../src/core/domain/guard';
import { warningLevel } from '../src/core/policy/warning-level';
import { type PhishRow, phishRows, readEvalLines } from './eval-data';
import { runWakeBench } from './interstitial-wake';

export interface LevelCount {
  total: number;
  lookalike: number;
  interstitial: number;
  /** Of `interstitial`: sent there by a disguising reason alone (the detector's confidence was not high). */
  byReasonOnly: number;
  examples: string[];
}

export function countLevels(guard: Guard, hosts: readonly string[]): LevelCount {
  const count: LevelCount = { total: hosts.length, lookalike: 0, interstitial: 0, byReasonOnly: 0, examples: [] };
  for (const host of hosts) {
    const verdict = guard.verdict(`https://${host}/`);
    if (verdict.kind !== 'lookalike') continue;
    count.lookalike++;
    if (warningLevel(verdict) !== 'interstitial') continue;
    count.interstitial++;
    if (verdict.confidence !== 'high') count.byReasonOnly++;
    if (count.examples.length < 5) count.examples.push(`${host} (${verdict.reasons.map((reason) => reason.code).join('+')})`);
  }
  return count;
}

/** Phishing rows counted per registrable domain too: campaigns repeat one domain under many hosts. */
export function countPhish(guard: Guard, rows: readonly PhishRow[]): { hosts: LevelCount; domains: { total: number; interstitial: number } } {
  const hosts = countLevels(guard, rows.map((row) => row.host));
  const byDomain = new Map<string, boolean>();
  for (const row of rows) {
    const verdict = guard.verdict(`https://${row.host}/`);
    const high = verdict.kind === 'lookalike' && warningLevel(verdict) === 'interstitial';
    byDomain.set(row.registrableDomain, (byDomain.get(row.registrableDomain) ?? false) || high);
  }
  return { hosts, domains: { total: byDomain.size, interstitial: [...byDomain.values()].filter(Boolean).length } };
}

const line = (label: string, count: LevelCount) =>
  `${label}: ${count.interstitial} of ${count.total} get the interstitial (${count.byReasonOnly} by a disguising reason below high confidence; ${count.lookalike} lookalike verdicts in all)${count.examples.length ? `: ${count.examples.join(', ')}` : ''}`;

export function reportInterstitial(legitTop: string[] | null, variants: string[] | null, rows: PhishRow[] | null): string[] {
  const guard = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
  const out: string[] = [];
  const own = readFileSync(join(import.meta.dirname, 'data', 'own-legit.txt'), 'utf8')
    .split('\n')
    .map((entry) => entry.split(/\s/)[0] ?? '')
    .filter((entry) => entry && !entry.startsWith('#'));
  out.push(line('  own hard legit list (bench/data/own-legit.txt)', countLevels(guard, own)));
  if (!legitTop || !rows) {
    out.push('  (eval data not found at ../shared/eval-data: legit-top and phish-dev skipped)');
    return out;
  }
  out.push(line('  popular legit domains (legit-top.txt)', countLevels(guard, legitTop)));
  const owned = (variants ?? []).map((entry) => entry.split('\t')).filter((f) => f[2] === 'owned' && !f[0]?.startsWith('*') && !f[0]?.startsWith('#'));
  out.push(line("  brands' own domains (legit-brand-variants.txt, owned rows)", countLevels(guard, owned.map((f) => f[0] ?? ''))));
  for (const [label, subset] of [['certain', rows.filter((row) => row.certain)], ['all', rows]] as const) {
    const { hosts, domains } = countPhish(guard, subset);
    out.push(
      `  phishing dev set, ${label} rows: ${hosts.interstitial} of ${hosts.total} hosts (${((100 * hosts.interstitial) / hosts.total).toFixed(1)}%) get the interstitial (${hosts.byReasonOnly} by a disguising reason below high confidence), ${hosts.lookalike - hosts.interstitial} the banner or badge; ${domains.interstitial} of ${domains.total} registrable domains`,
    );
  }
  return out;
}

/** The counts (pure) and, the asleep-background timing in Chromium (needs a build). */
export async function runInterstitialBench(part: 'all' | 'counts' | 'wake' = 'all'): Promise<void> {
  if (part === 'wake') return runWakeBench();
  console.log('\nInterstitial (warning page before the site) vs banner, at the detector\'s high confidence or a disguising reason (src/core/policy/warning-level.ts)');
  for (const entry of reportInterstitial(readEvalLines('legit-top.txt'), readEvalLines('legit-brand-variants.txt'), phishRows())) console.log(entry);
  if (part === 'all') await runWakeBench();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runInterstitialBench(process.argv.includes('--wake') ? 'wake' : process.argv.includes('--counts') ? 'counts' : 'all');
}
