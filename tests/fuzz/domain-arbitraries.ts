/**
 * Hostile inputs for the domain verdict: whatever a URL bar, a link or the CLI can carry — empty,
 * 10 kB, control characters, mixed scripts, invalid punycode, trailing dots, IP forms, userinfo,
 * ports, underscores — plus plain noise.
 */
import fc from 'fast-check';

const labelChar = fc.oneof(
  { arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), weight: 60 },
  { arbitrary: fc.constantFrom('а', 'е', 'о', 'р', 'с', 'і', 'ο', 'α', 'ı', 'ѕ', 'ß', 'é', 'ü', '中', 'ー', '\u200d', '\u0301', '!', '*', '%', '~'), weight: 1 },
);
const label = fc.oneof(
  { arbitrary: fc.string({ unit: labelChar, minLength: 1, maxLength: 20 }), weight: 8 },
  { arbitrary: fc.constant(''), weight: 1 },
  {
    weight: 4,
    arbitrary: fc.constantFrom('xn--', 'xn--zz', 'xn--mazon-3ve', 'xn--bankofmerca-3ij68171c', 'xn--80ak6aa92e', 'amazon', 'paypal', 'login', 'www', 'com', 'co', 'uk'),
  },
  { arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', '-', '0'), minLength: 60, maxLength: 70 }), weight: 1 },
);
const suffix = fc.constantFrom('com', 'com', 'net', 'co.uk', 'github.io', 'blogspot.com', 'top', 'xyz', 'app', 'amazon', 'localhost', '', 'ck', 'kawasaki.jp', 'city.kawasaki.jp', '中国', 'xn--fiqs8s');
const host = fc.tuple(fc.array(label, { maxLength: 6 }), suffix, fc.constantFrom('', '', '', '.', '..')).map(([labels, s, dots]) => [...labels, s].join('.') + dots);
const ip = fc.oneof(
  fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((p) => p.join('.')),
  fc.constantFrom('0x7f.1', '2130706433', '017700000001', '[::1]', '[2001:db8::1]', '[::ffff:127.0.0.1]', '1.2.3', '999.1.1.1'),
);
const scheme = fc.constantFrom('', '', 'https://', 'https://', 'http://', 'HTTPS://', 'ftp://', 'file://', 'chrome-extension://', 'about:', 'javascript:', 'data:text/html,', '//', 'https:/', 'https:///');
const userinfo = fc.constantFrom('', '', '', '', 'user@', 'user:pass@', 'paypal.com@', '@', 'a@b@');
const port = fc.constantFrom('', '', '', ':443', ':8080', ':0', ':99999', ':', ':abc');
const path = fc.constantFrom('', '/', '/login?next=https://amazon.com', '#frag', '/%2e%2e/', '?q=\u0000', '\\evil.com');

export const urlish = fc.tuple(scheme, userinfo, fc.oneof(host, ip), port, path).map((parts) => parts.join(''));
/** A host as a page or a link has it, so most cases reach the detector itself. */
const plainHost = fc.tuple(fc.constantFrom('', 'https://', 'http://'), host, fc.constantFrom('', '/', '/login')).map((parts) => parts.join(''));

/** Any string: structured URLs most of the time, raw noise, control characters and 10 kB inputs too. */
export const anyAddress = fc.oneof(
  { arbitrary: plainHost, weight: 8 },
  { arbitrary: urlish, weight: 4 },
  { arbitrary: fc.string({ maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\t', '\n', '\r', ' ', '\u007f', '\u0085', '\u2028', '.', 'a'), maxLength: 40 }), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('a', 'a.', '-', 'xn--', 'аmazon.'), fc.integer({ min: 100, max: 10_240 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)), weight: 1 },
);
