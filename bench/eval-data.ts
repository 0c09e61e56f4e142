// Reads the product side's evaluation data from ../shared/eval-data (never copied into the project).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EVAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'eval-data');

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
    };
  });
}
