/** Context signals of a host that do not depend on the brand: TLD, suffix type, random-looking labels. */
import { COMBO_KEYWORDS } from './keywords';

/**
 * TLDs with the highest phishing-domain rates in public reports (Interisle Phishing Landscape
 * 2023–2025, Spamhaus "most abused TLDs", dnstwist's abused_tlds.dict).
 */
const ABUSED_TLDS: ReadonlySet<string> = new Set([
  'top', 'xyz', 'shop', 'vip', 'cyou', 'icu', 'online', 'site', 'click', 'info', 'buzz', 'live', 'store', 'sbs',
  'cfd', 'bond', 'rest', 'fit', 'work', 'wang', 'ooo', 'tk', 'ml', 'ga', 'cf', 'gq', 'cc', 'pw', 'su', 'link',
  'support', 'life', 'fun', 'club', 'monster', 'lol', 'quest', 'today', 'world', 'website', 'space', 'pro', 'ink',
  'win', 'bid', 'loan', 'men', 'mom', 'best', 'uno', 'app', 'digital', 'services', 'help', 'asia', 'biz', 'us',
]);

export const isAbusedTld = (publicSuffix: string): boolean => {
  const dot = publicSuffix.lastIndexOf('.');
  return ABUSED_TLDS.has(dot === -1 ? publicSuffix : publicSuffix.slice(dot + 1));
};

/**
 * Second-level labels that ICANN registries use under a country TLD ("co.uk", "com.br", "ne.jp").
 * A multi-label public suffix whose second level is not one of these is almost always a private
 * suffix (a hosting or dynamic-DNS company: blogspot.it, duckdns.org, servehttp.com).
 */
const ICANN_SECOND_LEVELS: ReadonlySet<string> = new Set([
  'co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'gouv', 'nic', 'mil', 'ltd', 'plc', 'sch',
  'nom', 'info', 'biz', 'me', 'id', 'in', 'web', 'gen', 'int', 'res', 'tm', 'lg', 'ed', 'gr', 'pe', 'ind', 'firm',
  'gv', 'lt', 'mo', 'nhs', 'police', 'priv', 'pro', 'kr', 'hs', 'ms', 'es', 'nt', 'qc', 'on', 'bc', 'ab', 'nsw',
  'vic', 'qld', 'wa', 'sa', 'tas', 'act', 'govt', 'school', 'health', 'mobi', 'name', 'tv', 'art', 'eco', 'blog',
]);

/** True for a private suffix (anyone can get a name under it) by its shape; psl does not say. */
export function isPrivateSuffix(publicSuffix: string): boolean {
  const labels = publicSuffix.split('.');
  if (labels.length < 2) return false;
  const second = labels[labels.length - 2] ?? '';
  return second.length >= 4 && !ICANN_SECOND_LEVELS.has(second);
}

const isVowel = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;

/** A label that looks machine-made: long runs of consonants, digits mixed into letters, hex-like. */
export function looksRandom(label: string): boolean {
  if (label.length < 5) return false;
  let digits = 0;
  let run = 0;
  let maxRun = 0;
  let vowels = 0;
  let length = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c === 45) continue; // "-"
    length++;
    if (c >= 48 && c <= 57) {
      digits++;
      run = 0;
    } else if (isVowel(c)) {
      vowels++;
      run = 0;
    } else if (++run > maxRun) maxRun = run;
  }
  if (length < 5) return false;
  const letters = length - digits;
  if (digits >= 2 && letters >= 2) return true;
  if (maxRun >= 5) return true;
  return letters >= 6 && vowels / letters < 0.2;
}

/**
 * Keywords that mean "sign in / pay / verify here" are strong; generic ones (app, web, online,
 * bank, mail, center …) appear in honest names too and count for less.
 */
const WEAK_KEYWORDS: ReadonlySet<string> = new Set([
  'app', 'web', 'online', 'bank', 'banking', 'mail', 'email', 'center', 'centre', 'team', 'contact', 'user', 'users',
  'client', 'member', 'members', 'portal', 'connect', 'check', 'review', 'official', 'service', 'services', 'help',
  'care', 'customer', 'free', 'bonus', 'promo', 'prime', 'card', 'cards', 'pay', 'case', 'policy', 'log', 'sign',
  'code', 'codes', 'order', 'orders', 'track', 'id', 'access', 'webapp', 'sync', 'clone', 'admin', 'gift',
]);

export type KeywordStrength = 'strong' | 'weak' | undefined;

export function keywordStrength(token: string): KeywordStrength {
  const word = COMBO_KEYWORDS.has(token) ? token : token.replace(/\d+$/, '');
  if (!COMBO_KEYWORDS.has(word)) return undefined;
  return WEAK_KEYWORDS.has(word) ? 'weak' : 'strong';
}
