/**
 * Does a pasted text look like a message that names its site — an origin-bound SMS (last non-blank
 * line starting "@host #") or an e-mail with a "From: … address" header line? A cheap check with no
 * public-suffix list, for the content script's base (loaded on every page): it decides only whether
 * the paste is held for the background, which parses the text with the full parsers of this folder.
 * A false "yes" costs a round trip (the text then goes in as usual); a false "no" would let a bound
 * code through unchecked, so this accepts everything the parsers could accept.
 */
import { MAX_PASTED_TEXT } from './types';

/** The parsers' own header names (email-code.ts), any case; the address may come later on the line. */
const FROM_HEADER = /^\s*(?:>\s*)*(?:from|von|de|da|van|od|från|fra|差出人|发件人|寄件者|寄件人|送信者)\s*[:：].*@/imu;

/** "@", a token with a dot in it up to the first white space, and a "#" after it (linear: no regex backtracking). */
const isBoundLike = (line: string): boolean => {
  if (!line.startsWith('@')) return false;
  const end = line.search(/\s/u);
  return end > 0 && line.slice(1, end).includes('.') && line.indexOf('#', end) > end;
};

export function mayNameItsSite(text: string): boolean {
  if (text.length === 0 || text.length > MAX_PASTED_TEXT) return false;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 1 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  // Any "@host…#" line is the parser's to judge (also its refusals: several lines, bad separator). The
  // host must have a dot, as every site does: "@bob #tbt" is a mention and a hashtag, not a message.
  if (lines.some(isBoundLike)) return true;
  return FROM_HEADER.test(text);
}
