/**
 * Turns what a user (or the catalogue) writes into a Binding, or a typed error. Accepted: a host
 * name (Unicode or punycode, any case, trailing dot) or an http(s) URL whose host is taken.
 * Refused: IP addresses, localhost, public suffixes (`co.uk`, `github.io`), wildcards, malformed
 * names, and — when `within` is given — a host outside that registrable domain.
 */
import { parseTarget } from '../domain/host';
import { err, ok, type Result } from '../result';
import type { Binding, BindingError, BindingErrorCode } from './binding';

const MAX_INPUT = 1024;

const fail = (code: BindingErrorCode, input: string, message: string): Result<Binding, BindingError> =>
  err({ code, input: input.slice(0, 200), message });

export interface ParseBindingOptions {
  /** The registrable domain the binding must stay inside (e.g. the site the user is editing). */
  within?: string;
}

export function parseBinding(raw: string, options: ParseBindingOptions = {}): Result<Binding, BindingError> {
  if (typeof raw !== 'string') return fail('malformed', '', 'A site must be written as text.');
  const input = raw.trim();
  if (input === '') return fail('empty', input, 'The site is empty.');
  if (input.length > MAX_INPUT) return fail('too-long', input, `“${input.slice(0, 40)}…” is too long to be a site.`);
  if (input.includes('*')) {
    return fail('wildcard', input, `“${input}”: write the host without “*.” — “${input.replace(/^\*\./, '')}” already covers all its hosts.`);
  }
  const parsed = parseTarget(input);
  if (!parsed.ok) return fail('malformed', input, `“${input}” is not a site's host name.`);
  const target = parsed.value;
  if (target.kind === 'not-a-website') {
    if (target.reason === 'ip-address') return fail('ip-address', input, `“${input}” is an IP address; codes are bound to named sites only.`);
    if (target.reason === 'no-registrable-domain') {
      return fail('public-suffix', input, `“${input}” is a public suffix shared by many sites (like co.uk or github.io); name the site itself.`);
    }
    return fail('not-a-website', input, `“${input}” is not a website.`);
  }
  // The guard judges any host a browser accepts (underscores too), but a binding names a site the
  // user owns an account on: registrable names are letters, digits and hyphens only.
  if (!/^[a-z0-9.-]+$/.test(target.asciiHost)) return fail('malformed', input, `“${input}” is not a site's host name.`);
  const binding: Binding = { host: target.asciiHost, site: target.registrableDomain };
  if (options.within !== undefined && binding.site !== options.within.toLowerCase()) {
    return fail('outside-site', input, `“${input}” is not part of ${options.within}.`);
  }
  return ok(binding);
}

/** Several sites at once (an editor's lines, a catalogue entry): the good ones, de-duplicated, and every refusal. */
export function parseBindings(inputs: readonly string[], options: ParseBindingOptions = {}): { bindings: Binding[]; errors: BindingError[] } {
  const bindings: Binding[] = [];
  const errors: BindingError[] = [];
  const seen = new Set<string>();
  for (const input of inputs.slice(0, 500)) {
    const parsed = parseBinding(input, options);
    if (!parsed.ok) errors.push(parsed.error);
    else if (!seen.has(parsed.value.host)) {
      seen.add(parsed.value.host);
      bindings.push(parsed.value);
    }
  }
  return { bindings, errors };
}
