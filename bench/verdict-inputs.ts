// Inputs shared by the verdict bench (bench/verdict-speed.ts) and the differential test
// (tests/core/domain/verdict-differential.test.ts): the same hosts on both sides, no randomness.
import type { AccountRule } from '../src/core/domain/guard';
import { loadCorpus } from './domain-eval';
import { phishRows, readEvalLines } from './eval-data';

/** Up to `n` distinct hosts, interleaved from legit-top, phish-dev and the dnstwist dev corpus. */
export function distinctHosts(n: number): string[] {
  const sources = [readEvalLines('legit-top.txt') ?? [], (phishRows() ?? []).map((r) => r.host), (loadCorpus() ?? []).map((r) => r.host)];
  const seen = new Set<string>();
  for (let i = 0; seen.size < n && sources.some((s) => i < s.length); i++) {
    for (const s of sources) {
      const host = s[i];
      if (host && seen.size < n) seen.add(host);
    }
  }
  return [...seen];
}

/** `n` protected account domains with made-up names (syllables + a number), as the old bench used. */
export function protectedAccounts(n: number): AccountRule[] {
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

const repeatTo = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
/** Labels of up to 63 characters joined into a host of at most 253. */
function hostOf(label: (i: number) => string, labelLength: number, tld = 'com'): string {
  const labels: string[] = [];
  let length = tld.length;
  for (let i = 0; length + labelLength + 1 <= 253; i++) {
    labels.push(label(i).slice(0, labelLength));
    length += labelLength + 1;
  }
  return [...labels, tld].join('.');
}

/** Hostile inputs up to 253 characters: the shapes that make a lookalike search slow (long labels full of brand names, hyphens, digits, IDN, many labels). */
export function adversarialInputs(): string[] {
  const units = ['paypal', 'amazon', 'apple', 'a', 'ab', 'paypa1', 'rnrn', 'vvvv', 'clcl', '0o0o', 'login', 'amaz0n-', 'p-a-y-p-a-l', 'bankofamerica', 'micros0ft', 'xn--', '1l|i', 'wellsfargo-'];
  const out: string[] = [];
  for (const unit of units) {
    for (const len of [63, 40, 20, 9, 5, 2, 1]) {
      out.push(hostOf((i) => repeatTo(unit, len + i).replace(/^-+|-+$/g, 'x'), len));
      out.push(hostOf((i) => repeatTo(unit, len + i).replace(/^-+|-+$/g, 'x'), len, 'web.app'));
    }
    out.push(`https://${repeatTo(unit, 63).replace(/^-+|-+$/g, 'x')}.com/${'a'.repeat(180)}`);
  }
  const idn = ['раураl', 'аmаzоn', 'ɑpple', 'ｐａｙｐａｌ', 'ᴀᴍᴀᴢᴏɴ', 'pаypal-lоgin-sеcure'];
  for (const label of idn) {
    out.push(hostOf((i) => repeatTo(label, 20 + i), 20));
    out.push(hostOf(() => repeatTo(label, 60), 60));
  }
  out.push(hostOf((i) => `xn--80ak6aa92e${i}`, 17));
  out.push(`${'a.'.repeat(125)}com`);
  out.push(`${'paypal-'.repeat(35)}x.com`.slice(-253));
  return [...new Set(out.filter((h) => h.length <= 253 || h.startsWith('https://')))];
}
