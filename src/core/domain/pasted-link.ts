/**
 * The link in a pasted text: "Your parcel is held: usps-track.info/x7 — pay the fee" → "usps-track.info/x7".
 * The first token with a scheme wins; otherwise the first token that reads as a host name (labels with a dot and a
 * letter TLD, Unicode allowed). Punctuation that ends a sentence is not part of it. Pure; never throws.
 */
const TRAILING = /[.,;:!?)\]}>'"»”’]+$/u;
const LEADING = /^[(<[{'"«“‘]+/u;
const WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const HOST_LIKE = /^(?:[\p{L}\p{N}_-]+\.)+(?:[\p{L}]{2,}|xn--[a-z0-9-]+)(?::\d{1,5})?(?:[/?#]\S*)?$/u;
const MAX_TOKENS = 2000;

export function linkInText(text: string): string | undefined {
  const tokens = text
    .split(/\s+/u, MAX_TOKENS)
    .map((token) => token.replace(LEADING, '').replace(TRAILING, ''))
    .filter((token) => token !== '');
  return tokens.find((token) => WITH_SCHEME.test(token)) ?? tokens.find((token) => HOST_LIKE.test(token));
}
