/**
 * Measures how distinctive each protected catalogue name is on the legitimate data we have
 * (../shared/eval-data/legit-top.txt, the top 10,000) and writes the counts the detector ships:
 * src/core/domain/catalogue/distinctiveness.json. Only aggregate counts per catalogue name are
 * written (no domain of the list, no ranking).
 *
 * For each name (folded like the detector folds): how many legit registrable labels, not owned by
 * the name's brand, contain it (`contains`), and how many are one or two edits away (`near1`,
 * `near2`). "coinbase" is in none; "apple", "prime", "windows" are in many; "icloud" has four
 * one-edit neighbours (hicloud, pcloud, qcloud, ucloud).
 *
 * npx tsx scripts/brand-distinctiveness.ts   (re-run when brands.json's names change)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import psl from 'psl';
import brandsJson from '../src/core/domain/catalogue/brands.json';
import { editDistance } from '../src/core/domain/distance';
import { fold } from '../src/core/domain/skeleton';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = [process.env.OTPGUARD_EVAL_DIR, join(ROOT, '..', 'shared', 'eval-data'), join(ROOT, '..', '..', 'shared', 'eval-data')].find(
  (d): d is string => !!d && existsSync(join(d, 'legit-top.txt')),
);
if (!dir) throw new Error('legit-top.txt not found in ../shared/eval-data (set OTPGUARD_EVAL_DIR)');
const legit = readFileSync(join(dir, 'legit-top.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

interface BrandJson {
  id: string;
  domains: string[];
  serviceDomains?: string[];
  brandTlds?: string[];
  labels: string[];
}
const brands = (brandsJson as { brands: BrandJson[] }).brands;
const owns = (b: BrandJson, d: string): boolean =>
  [...b.domains, ...(b.serviceDomains ?? [])].some((o) => d === o || d.endsWith(`.${o}`)) || (b.brandTlds ?? []).some((t) => d.endsWith(`.${t}`));

const labels = legit.map((d) => {
  const reg = psl.get(d) ?? d;
  const suffix = reg.split('.').slice(1).join('.');
  return { domain: d, key: fold(reg.slice(0, reg.length - suffix.length - 1).replace(/[-_]/g, '')) };
});

const counts: Record<string, { contains: number; near1: number; near2: number }> = {};
for (const brand of brands) {
  for (const raw of [...brand.labels, ...(brand.brandTlds ?? [])]) {
    const key = fold(raw.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
    if (key.length < 2 || counts[key]) continue;
    const entry = { contains: 0, near1: 0, near2: 0 };
    for (const { domain, key: label } of labels) {
      if (owns(brand, domain)) continue;
      if (label.includes(key)) entry.contains++;
      else {
        const d = editDistance(label, key, 2);
        if (d === 1) entry.near1++;
        else if (d === 2) entry.near2++;
      }
    }
    counts[key] = entry;
  }
}
const out = {
  source: 'legit-top.txt of the product side (Tranco top 10k of 2026-08-01 plus Moz top 500): counts only',
  names: Object.keys(counts).length,
  counts,
};
writeFileSync(join(ROOT, 'src', 'core', 'domain', 'catalogue', 'distinctiveness.json'), `${JSON.stringify(out, null, 0).replace(/\},"/g, '},\n"')}\n`);
console.log(`distinctiveness: ${out.names} names from ${legit.length} legit domains`);
