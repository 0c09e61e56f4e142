/**
 * Bindings the popup sends (update-account, commit-pending): each a host, optionally with the site it
 * must stay inside (the site row the user is editing). Parsed by the core (src/core/bindings), and
 * refused as a whole on the first bad one with its own sentence: a public suffix, an IP address, a
 * host outside the site, a malformed name. Nothing is half-applied.
 */
import type { Binding } from '../core/bindings/binding';
import { parseBinding } from '../core/bindings/parse-binding';
import type { BindingInput } from '../messaging/protocol';
import { HandlerError } from '../messaging/router';

export function parseBindingInputs(inputs: readonly BindingInput[]): Binding[] {
  const out: Binding[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const host = typeof input === 'string' ? input : input.host;
    const within = typeof input === 'string' ? undefined : input.within;
    const parsed = parseBinding(host, within !== undefined ? { within } : {});
    if (!parsed.ok) throw new HandlerError('bad-domain', parsed.error.message);
    if (seen.has(parsed.value.host)) continue;
    seen.add(parsed.value.host);
    out.push(parsed.value);
  }
  if (out.length === 0 && inputs.length > 0) throw new HandlerError('bad-domain', 'No site was given.');
  return out;
}
