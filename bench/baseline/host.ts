// Frozen copy of src/core/domain (commit 7e838ce, before issue 13): the "before" side of the
// differential test (tests/core/domain/verdict-differential.test.ts) and of the bench. Never edit.
import { parse as pslParse } from 'psl';
import { toUnicode } from 'punycode/punycode.es6.js';
import { err, ok, type Result } from '../../src/core/result';

export type NotAWebsiteReason =
  | 'ip-address'
  | 'localhost'
  | 'file'
  | 'extension-page'
  | 'browser-page'
  | 'other-scheme'
  | 'no-registrable-domain';

export type WebTarget = {
  kind: 'web';
  scheme: 'https' | 'http';
  asciiHost: string;
  unicodeHost: string;
  /** ASCII (punycode), through psl, private suffixes included. */
  registrableDomain: string;
  unicodeRegistrableDomain: string;
  /** The public suffix psl used ("co.uk", "github.io"). */
  publicSuffix: string;
};

export type ParsedTarget = WebTarget | { kind: 'not-a-website'; reason: NotAWebsiteReason };

export interface HostError {
  code: 'empty' | 'too-long' | 'bad-url' | 'bad-hostname';
  message: string;
}

const MAX_INPUT = 4096;
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:', 'extension:']);
const BROWSER_SCHEMES = new Set(['about:', 'chrome:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'view-source:', 'devtools:', 'chrome-search:', 'chrome-untrusted:', 'resource:', 'moz-extension-internal:', 'data:', 'blob:', 'javascript:']);
/**
 * What a browser's URL parser leaves in a host name: letters, digits, "-", "." and also "_" and a
 * few sub-delimiters ("a_b.example.com" is a real host under many hosting providers). They are
 * judged like letters, not refused.
 */
const HOST_CHARS = /^[a-z0-9._\-!$&'()*+,;=~]+$/;
/** Characters psl refuses: replaced (one for one) by "_" for the suffix lookup only. */
const PSL_UNSAFE = /[!$&'()*+,;=~]/g;
/** A bare host (maybe with scheme, port, path) whose IDN form the URL parser refused: still judged on its ASCII form. */
const RAW_HOST = /^(?:https?:\/\/)?([a-z0-9._-]+?)\.?(?::\d{1,5})?(?:[/?#].*)?$/i;

const hostError = (code: HostError['code'], message: string): Result<ParsedTarget, HostError> => err({ code, message });

/** Safe toUnicode: a malformed xn-- label is kept as ASCII rather than throwing. */
export function hostToUnicode(asciiHost: string): string {
  return asciiHost
    .split('.')
    .map((label) => {
      if (!label.startsWith('xn--')) return label;
      try {
        return toUnicode(label);
      } catch {
        return label;
      }
    })
    .join('.');
}

/** WHATWG URL already rewrites every IPv4 notation (hex, octal, short forms) to dotted decimal. */
function isIpHost(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/**
 * Parses a URL or a bare host name into what the guard needs: lower case, no trailing dot,
 * IDNA (UTS #46) ASCII and Unicode forms, and the registrable domain. Never throws.
 */
export function parseTarget(urlOrHost: string): Result<ParsedTarget, HostError> {
  const input = urlOrHost.trim();
  if (input === '') return hostError('empty', 'The address is empty.');
  if (input.length > MAX_INPUT) return hostError('too-long', `The address is longer than ${MAX_INPUT} characters.`);

  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[^/]*:\d+($|\/)/.test(input);
  let url: URL;
  try {
    url = new URL(hasScheme ? input : `https://${input}`);
  } catch {
    // "xn--bankofmerca-3ij68171c.vg": punycode that does not decode to a valid IDN. No browser
    // opens it, but a link or a list can carry it: judge the ASCII labels rather than give up.
    const raw = RAW_HOST.exec(input);
    if (!raw?.[1] || !/(^|\.)xn--/i.test(raw[1])) return hostError('bad-url', 'The address is not a valid URL or host name.');
    return webTarget(/^http:/i.test(input) ? 'http' : 'https', raw[1].toLowerCase().replace(/\.+$/, ''));
  }
  const scheme = url.protocol;
  if (scheme === 'file:') return ok({ kind: 'not-a-website', reason: 'file' });
  if (EXTENSION_SCHEMES.has(scheme)) return ok({ kind: 'not-a-website', reason: 'extension-page' });
  if (BROWSER_SCHEMES.has(scheme)) return ok({ kind: 'not-a-website', reason: 'browser-page' });
  if (scheme !== 'https:' && scheme !== 'http:') return ok({ kind: 'not-a-website', reason: 'other-scheme' });

  const asciiHost = url.hostname.replace(/\.+$/, '');
  if (asciiHost === '') return hostError('bad-hostname', 'The address has no host name.');
  if (isIpHost(url.hostname)) return ok({ kind: 'not-a-website', reason: 'ip-address' });
  if (asciiHost === 'localhost' || asciiHost.endsWith('.localhost')) return ok({ kind: 'not-a-website', reason: 'localhost' });
  return webTarget(scheme === 'http:' ? 'http' : 'https', asciiHost);
}

/** The registrable domain and suffix through psl, for a lower-case ASCII host. */
function webTarget(scheme: 'https' | 'http', asciiHost: string): Result<ParsedTarget, HostError> {
  if (asciiHost === '' || !HOST_CHARS.test(asciiHost) || asciiHost.length > 253 || asciiHost.split('.').some((l) => l === '' || l.length > 63)) {
    return hostError('bad-hostname', 'The host name has characters or labels a web site cannot have.');
  }
  const parsed = pslParse(asciiHost.replace(PSL_UNSAFE, '_'));
  if ('error' in parsed && parsed.error) return ok({ kind: 'not-a-website', reason: 'no-registrable-domain' });
  const pslDomain = 'domain' in parsed ? parsed.domain : null;
  const pslSuffix = 'tld' in parsed ? parsed.tld : null;
  if (!pslDomain || !pslSuffix) return ok({ kind: 'not-a-website', reason: 'no-registrable-domain' });
  // The replacement was one character for one: take the same tails of the real host.
  const domain = asciiHost.slice(asciiHost.length - pslDomain.length);
  const suffix = asciiHost.slice(asciiHost.length - pslSuffix.length);
  return ok({
    kind: 'web',
    scheme,
    asciiHost,
    unicodeHost: hostToUnicode(asciiHost),
    registrableDomain: domain,
    unicodeRegistrableDomain: hostToUnicode(domain),
    publicSuffix: suffix,
  });
}
