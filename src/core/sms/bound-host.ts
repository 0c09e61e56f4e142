/**
 * The host a message names (`@amazon.com`, `%ecommerce.example`, an e-mail address's domain):
 * a bare host name only — no port, path, user or IP — turned into ASCII (IDNA, through the URL
 * parser, as a browser would) with its registrable domain.
 */
import { parseTarget } from '../domain/host';
import { err, ok, type Result } from '../result';

export interface NamedHost {
  host: string;
  site: string;
  displaySite: string;
}

const ASCII_HOST_CHAR = /[A-Za-z0-9.-]/;

/** Any ASCII character a host name cannot hold (":/?#@%[]\\", controls …): refused, not cut off. */
function hasAsciiOutsideHost(token: string): boolean {
  for (const char of token) {
    if (char.charCodeAt(0) < 0x80 && !ASCII_HOST_CHAR.test(char)) return true;
  }
  return false;
}

export function parseNamedHost(token: string): Result<NamedHost, string> {
  if (token === '' || token.length > 253 * 2) return err('is not a host name');
  if (hasAsciiOutsideHost(token)) return err('is not a bare host name');
  const parsed = parseTarget(token);
  if (!parsed.ok) return err('is not a valid host name');
  const target = parsed.value;
  if (target.kind !== 'web') {
    if (target.reason === 'ip-address') return err('is an IP address, not a site');
    if (target.reason === 'no-registrable-domain') return err('is a public suffix, not a site');
    return err('is not a website');
  }
  const unicode = target.unicodeRegistrableDomain;
  const displaySite = unicode === target.registrableDomain ? unicode : `${unicode} (${target.registrableDomain})`;
  return ok({ host: target.asciiHost, site: target.registrableDomain, displaySite });
}
