/**
 * Where a pasted origin-bound code would go, from the browser's own frame data: the tab's frame
 * chain (top page first, the field's frame last) and the asking document's URL and origin. Pure:
 * the background reads the chain and the sender and passes them in; nothing comes from the page.
 */
import { parseTarget } from '../domain/host';
import { documentOriginRefusal } from '../policy/origin';
import type { CodeDestination } from './may-go';

/** What the browser says about the document the code was pasted in. */
export interface PasteRequester {
  frameId: number;
  url: string;
  origin?: string;
}

const isHttps = (url: string): boolean => /^https:\/\//i.test(url);

/** The registrable domain of a web URL; null for anything else (opaque, IP, not a website). */
export function registrableOf(url: string): string | null {
  const parsed = parseTarget(url);
  return parsed.ok && parsed.value.kind === 'web' ? parsed.value.registrableDomain : null;
}

/**
 * The decision's input. The top page is the chain's first link; a field in a frame (frameId ≠ 0)
 * names its own site only when its origin is the real origin of its URL (not opaque, not mismatched).
 * An empty chain is an unknown page (held).
 */
export function destinationOf(chain: readonly { url: string }[], requester: PasteRequester): CodeDestination {
  const top = chain[0];
  const urls = [...chain.map((link) => link.url), requester.url];
  const allHttps = top !== undefined && urls.every(isHttps);
  const topRegistrableDomain = top ? registrableOf(top.url) : null;
  if (requester.frameId === 0) {
    // The top document itself: its origin must be its URL's (a `CSP: sandbox` page is opaque), and the
    // browser's tab must still show that site (the page may have navigated meanwhile).
    const own = documentOriginRefusal(requester.url, requester.origin) === null ? registrableOf(requester.url) : null;
    return { topRegistrableDomain: own !== null && own === topRegistrableDomain ? own : null, allHttps };
  }
  const ownOrigin = documentOriginRefusal(requester.url, requester.origin) === null;
  return {
    topRegistrableDomain,
    frameRegistrableDomain: ownOrigin ? registrableOf(requester.url) : null,
    ancestorRegistrableDomains: chain.slice(1, -1).map((link) => registrableOf(link.url)),
    allHttps,
  };
}
