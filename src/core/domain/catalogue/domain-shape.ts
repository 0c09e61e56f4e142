/**
 * Shape checks for the names in the catalogue. They check form only (no public-suffix lookup):
 * a catalogue domain is written as the brand registered it, ASCII and lower case.
 */
import { toUnicode } from 'punycode/punycode.es6.js';

export type ShapeCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'not-ascii' | 'not-lower-case' | 'bad-shape'; readonly reason: string };

const GOOD: ShapeCheck = { ok: true };
const bad = (reason: string): ShapeCheck => ({ ok: false, problem: 'bad-shape', reason });

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ALPHABETIC = /^[a-z]+$/;
const NON_ASCII = /[^\x20-\x7e]/;
const OTHER_CODE_POINT = /\p{C}/u;
const MAX_HOST_LENGTH = 253;

/** Generic and country TLDs that are open to everyone: never a brand TLD. */
const OPEN_TLDS = new Set([
  'com', 'net', 'org', 'info', 'biz', 'name', 'pro', 'mobi', 'app', 'dev', 'page', 'web', 'site', 'online', 'shop',
  'store', 'xyz', 'top', 'club', 'live', 'link', 'click', 'cloud', 'tech', 'io', 'ai', 'co', 'me', 'tv', 'cc', 'ws',
  'icu', 'vip', 'buzz', 'work', 'fun', 'space', 'website', 'email', 'support', 'help', 'services', 'secure', 'bank',
  'money', 'pay', 'finance', 'login', 'account', 'gov', 'edu', 'mil', 'int', 'arpa', 'ing', 'play',
]);

/**
 * A punycode label must decode to non-ASCII text without control, format or unassigned code
 * points; the decoder throws on malformed input, so the throw is contained here.
 */
function isDecodablePunycode(label: string): boolean {
  try {
    const decoded = toUnicode(label);
    return NON_ASCII.test(decoded) && !OTHER_CODE_POINT.test(decoded);
  } catch {
    return false;
  }
}

function checkLabel(label: string): string | undefined {
  if (label.length === 0) return 'has an empty label (two dots in a row)';
  if (!LABEL.test(label)) return `has an invalid label "${label}" (letters, digits and inner hyphens, at most 63)`;
  if (label.slice(2, 4) === '--') {
    if (!label.startsWith('xn--')) return `has a reserved label "${label}" (hyphens in positions 3-4 are for "xn--")`;
    if (!isDecodablePunycode(label)) return `has a malformed punycode label "${label}"`;
  }
  return undefined;
}

/** A host name of at least two labels: "amazon.co.uk", "sites.google.com". */
export function checkHostShape(value: string): ShapeCheck {
  if (value.length === 0) return bad('is empty');
  if (NON_ASCII.test(value)) {
    return { ok: false, problem: 'not-ascii', reason: 'is not ASCII: write internationalised names in punycode (xn--)' };
  }
  if (value !== value.toLowerCase()) {
    const lowered = checkHostShape(value.toLowerCase());
    if (lowered.ok) return { ok: false, problem: 'not-lower-case', reason: 'must be lower case' };
    return lowered;
  }
  if (value.includes('://')) return bad('has a scheme: write the bare domain');
  if (value.includes('/')) return bad('has a path: write the bare domain');
  if (value.includes(':')) return bad('has a port: write the bare domain');
  if (value.includes('*')) return bad('has a wildcard: list the domain itself (subdomains are implied) or use brandTlds');
  if (value.startsWith('.') || value.endsWith('.')) return bad('has a leading or trailing dot');
  if (value.length > MAX_HOST_LENGTH) return bad(`is longer than ${MAX_HOST_LENGTH} characters`);
  const labels = value.split('.');
  if (labels.length < 2) return bad('needs at least two labels ("example.com")');
  for (const label of labels) {
    const problem = checkLabel(label);
    if (problem) return bad(problem);
  }
  const tld = labels[labels.length - 1] ?? '';
  if (!ALPHABETIC.test(tld) && !tld.startsWith('xn--')) return bad(`ends in "${tld}", which is not a top-level domain`);
  return GOOD;
}

/** A brand TLD: one label, operated only by the brand ("amazon", "google"). */
export function checkBrandTldShape(value: string): ShapeCheck {
  if (NON_ASCII.test(value)) {
    return { ok: false, problem: 'not-ascii', reason: 'is not ASCII: write internationalised names in punycode (xn--)' };
  }
  if (value !== value.toLowerCase()) return { ok: false, problem: 'not-lower-case', reason: 'must be lower case' };
  if (value.includes('.')) return bad('must be a single label without dots ("amazon", not ".amazon")');
  const problem = checkLabel(value);
  if (problem) return bad(problem);
  if (!ALPHABETIC.test(value) && !value.startsWith('xn--')) return bad('is not a top-level domain');
  if (value.length <= 2) return bad('is a country-code TLD, open to everyone');
  if (OPEN_TLDS.has(value)) return bad('is a TLD open to everyone, not a brand TLD');
  return GOOD;
}

/** True when `host` is `parent` or a subdomain of it. */
export const isAtOrUnder = (host: string, parent: string): boolean => host === parent || host.endsWith(`.${parent}`);
