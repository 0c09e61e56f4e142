// Reads the product side's evaluation data from ../shared/eval-data (never copied into the project).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * `../shared/eval-data` from the project root; a git worktree under /work/wt/<name> sits one level
 * deeper, so `../../shared/eval-data` is tried too (or OTPGUARD_EVAL_DIR when set).
 */
export const EVAL_DIR =
  [process.env.OTPGUARD_EVAL_DIR, join(ROOT, '..', 'shared', 'eval-data'), join(ROOT, '..', '..', 'shared', 'eval-data')].find(
    (dir): dir is string => !!dir && existsSync(join(dir, 'phish-dev.tsv')),
  ) ?? join(ROOT, '..', 'shared', 'eval-data');

export function readEvalLines(name: string): string[] | null {
  const path = join(EVAL_DIR, name);
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
}

export interface PhishRow {
  host: string;
  brandDomain: string;
  certain: boolean;
  registrableDomain: string;
  /** phish-dev.tsv's own columns, for per-slice figures. */
  brandIn: string;
  hosting: string;
  matchMethod: string;
}
export function phishRows(): PhishRow[] | null {
  const lines = readEvalLines('phish-dev.tsv');
  if (!lines) return null;
  const header = (lines[0] ?? '').split('\t');
  const col = (n: string) => header.indexOf(n);
  return lines.slice(1).map((l) => {
    const f = l.split('\t');
    return {
      host: f[col('hostname')] ?? '',
      brandDomain: f[col('brand')] ?? '',
      certain: f[col('confidence')] === 'certain',
      registrableDomain: f[col('registrable_domain')] ?? '',
      brandIn: f[col('brand_in')] ?? '',
      hosting: f[col('hosting')] ?? '',
      matchMethod: f[col('match_method')] ?? '',
    };
  });
}

/** FNV-1a, 32 bits: a stable hash for the tuning/check split (no randomness, same on every machine). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** phish-dev.tsv split by registrable domain: a campaign's hosts all fall in the same half. */
export const phishHalf = (row: PhishRow): 'tune' | 'check' => (fnv1a(row.registrableDomain) % 2 === 0 ? 'tune' : 'check');
