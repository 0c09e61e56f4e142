// Generates lookalike hosts per technique from catalogue brands (deterministic, no randomness).
import type { BrandLike } from '../src/core/domain/brand-types';

export type Technique =
  | 'homoglyph' | 'ascii-trick' | 'transposition' | 'keyboard' | 'bit-flip' | 'insertion' | 'omission'
  | 'repetition' | 'vowel-swap' | 'hyphenation' | 'tld-swap' | 'tld-in-name' | 'subdomain-split'
  | 'target-embedding' | 'combosquatting' | 'combo-subdomain' | 'free-hosting';

const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' };
const ASCII_TRICKS: [string, string][] = [['m', 'rn'], ['w', 'vv'], ['d', 'cl'], ['o', '0'], ['l', '1'], ['i', '1'], ['s', '5']];
const KEYBOARD: Record<string, string> = { a: 's', b: 'v', c: 'x', d: 'f', e: 'r', f: 'g', g: 'h', h: 'j', i: 'o', k: 'l', l: 'k', m: 'n', n: 'm', o: 'p', p: 'o', r: 't', s: 'd', t: 'y', u: 'i', v: 'b', x: 'z', y: 'u', z: 'x' };
const KEYWORDS = ['login', 'secure', 'verify', 'account', 'support', 'konto', 'connexion', 'cuenta', 'conta', 'accesso', 'refund', 'delivery'];

export function generateCorpus(brands: readonly BrandLike[]): { host: string; technique: Technique; brandId: string }[] {
  const out: { host: string; technique: Technique; brandId: string }[] = [];
  brands.forEach((brand, n) => {
    const label = brand.labels[0];
    if (!label || !/^[a-z]+$/.test(label)) return;
    const add = (host: string, technique: Technique) => out.push({ host, technique, brandId: brand.id });
    const kw = KEYWORDS[n % KEYWORDS.length] ?? 'login';
    const mid = Math.floor(label.length / 2);
    const cyr = [...label].findIndex((c) => CYRILLIC[c]);
    if (cyr >= 0) add(`${label.slice(0, cyr)}${CYRILLIC[label[cyr] ?? ''] ?? ''}${label.slice(cyr + 1)}.com`, 'homoglyph');
    const trick = ASCII_TRICKS.find(([from]) => label.includes(from));
    if (trick) add(`${label.replace(trick[0], trick[1])}.com`, 'ascii-trick');
    add(`${label}-${kw}.com`, 'combosquatting');
    add(`${kw}-${label}.top`, 'combosquatting');
    add(`${label}.${kw}-center.xyz`, 'combo-subdomain');
    add(`${label}-${kw}.web.app`, 'free-hosting');
    add(`${label}${kw}.netlify.app`, 'free-hosting');
    add(`${label}.shop`, 'tld-swap');
    add(`${label}-com.net`, 'tld-in-name');
    add(`${label}com.co`, 'tld-in-name');
    add(`${brand.primaryDomain}.${kw}.top`, 'target-embedding');
    add(`www-${brand.primaryDomain.replace(/\./g, '-')}.secure.top`, 'target-embedding');
    if (label.length >= 4) add(`${label.slice(0, 2)}.${label.slice(2)}.com`, 'subdomain-split');
    if (label.length >= 5) {
      add(`${label.slice(0, mid)}-${label.slice(mid)}.com`, 'hyphenation');
      add(`${label.slice(0, mid)}${label[mid + 1]}${label[mid]}${label.slice(mid + 2)}.com`, 'transposition');
      const k = [...label].findIndex((c, i) => i > 0 && KEYBOARD[c]);
      if (k > 0) add(`${label.slice(0, k)}${KEYBOARD[label[k] ?? ''] ?? ''}${label.slice(k + 1)}.com`, 'keyboard');
      const flipped = String.fromCharCode((label.charCodeAt(mid) ^ 2) >>> 0);
      if (/[a-z]/.test(flipped)) add(`${label.slice(0, mid)}${flipped}${label.slice(mid + 1)}.com`, 'bit-flip');
      add(`${label.slice(0, mid)}x${label.slice(mid)}.com`, 'insertion');
      add(`${label.slice(0, mid)}${label.slice(mid + 1)}.com`, 'omission');
      add(`${label.slice(0, mid)}${label[mid]}${label.slice(mid)}.com`, 'repetition');
      const v = [...label].findIndex((c) => 'aeiou'.includes(c));
      if (v >= 0) add(`${label.slice(0, v)}${label[v] === 'a' ? 'e' : 'a'}${label.slice(v + 1)}.com`, 'vowel-swap');
    }
  });
  return out;
}
