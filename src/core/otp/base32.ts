/**
 * RFC 4648 base32, tolerant of what people paste: lower case, spaces, hyphens and
 * missing or present `=` padding. Decoding never throws; errors name the offending character.
 */
import { err, ok, type Result } from '../result';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALUE_OF: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, index) => [char, index]));

export type Base32Error =
  | { readonly code: 'empty'; readonly message: string }
  | { readonly code: 'bad-character'; readonly message: string; readonly position: number }
  | { readonly code: 'bad-padding'; readonly message: string }
  | { readonly code: 'bad-length'; readonly message: string };

/** Upper-cases and drops spaces, tabs, newlines and hyphens that people put in keys for readability. */
export function normaliseBase32(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

export function decodeBase32(text: string): Result<Uint8Array, Base32Error> {
  const cleaned = normaliseBase32(text);
  const firstPad = cleaned.indexOf('=');
  const body = firstPad === -1 ? cleaned : cleaned.slice(0, firstPad);
  if (firstPad !== -1 && !/^=+$/.test(cleaned.slice(firstPad))) {
    return err({ code: 'bad-padding', message: 'base32 padding "=" may only appear at the end' });
  }
  if (body.length === 0) return err({ code: 'empty', message: 'base32 text is empty' });
  // Lengths 1, 3 and 6 (mod 8) leave bits that cannot form a whole byte: no encoder produces them.
  const remainder = body.length % 8;
  if (remainder === 1 || remainder === 3 || remainder === 6) {
    return err({ code: 'bad-length', message: `base32 text has an impossible length (${body.length} characters)` });
  }
  const out = new Uint8Array(Math.floor((body.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let index = 0; index < body.length; index++) {
    const char = body[index] as string;
    const value = VALUE_OF.get(char);
    if (value === undefined) {
      return err({
        code: 'bad-character',
        position: index,
        message: `base32 text contains ${JSON.stringify(char)} at position ${index + 1}; only A–Z and 2–7 are allowed`,
      });
    }
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  return ok(out);
}

/** Encodes without padding: the form authenticator apps and otpauth URIs use. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
