/**
 * Account bindings: where an account's code is asked. A binding is one host name, matched by whole
 * labels, and never reaches past its registrable domain:
 * - `amazon.com` (the registrable domain itself) covers every host of the site;
 * - `aws.amazon.com` (a host suffix inside the site) covers `aws.amazon.com` and `*.aws.amazon.com` only.
 * Both forms are the same shape; the scope follows from whether the host is its own registrable domain.
 */
export interface Binding {
  /** Lower-case ASCII (punycode) host, no trailing dot. */
  readonly host: string;
  /** The registrable domain of `host` (psl, private suffixes included). */
  readonly site: string;
}

export type BindingScope = 'site' | 'host-suffix';

export const bindingScope = (binding: Binding): BindingScope => (binding.host === binding.site ? 'site' : 'host-suffix');

/** How specific a binding is: its number of labels (more labels, narrower binding). */
export const bindingSpecificity = (binding: Binding): number => binding.host.split('.').length;

export type BindingErrorCode =
  | 'empty'
  | 'too-long'
  | 'malformed'
  | 'wildcard'
  | 'ip-address'
  | 'not-a-website'
  | 'public-suffix'
  | 'outside-site';

export interface BindingError {
  readonly code: BindingErrorCode;
  /** The input as given (trimmed, cut to 200 characters), for the message shown to the user. */
  readonly input: string;
  readonly message: string;
}
