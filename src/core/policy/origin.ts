/**
 * Is the document that asks the one its URL names? A sandboxed document (the `sandbox` attribute, a
 * `Content-Security-Policy: sandbox` response, or inherited into its frames) keeps its https URL but has
 * an opaque origin ("null"): it is not that site, whatever the address bar says. Pure: the shell passes
 * the browser's MessageSender.url and .origin.
 */
export type OriginRefusal = 'no-origin' | 'opaque-origin' | 'origin-mismatch';

/** null when `origin` is exactly the https origin of `url`; otherwise why not. */
export function documentOriginRefusal(url: string, origin: string | undefined): OriginRefusal | null {
  // Chromium (80+) and Firefox (126+) always give it; a browser that does not cannot prove the origin.
  // Seen in Firefox 153 ESR and Chromium: "null" for a sandboxed iframe and for a `CSP: sandbox` page.
  if (origin === undefined || origin === '') return 'no-origin';
  if (origin === 'null') return 'opaque-origin';
  let own: URL;
  try {
    own = new URL(url);
  } catch {
    return 'origin-mismatch';
  }
  if (own.protocol !== 'https:' || own.origin !== origin) return 'origin-mismatch';
  return null;
}
