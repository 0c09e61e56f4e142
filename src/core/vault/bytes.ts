/** Byte helpers for the vault: storage values are JSON, so bytes travel as standard base64. */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** Returns null for invalid UTF-8 instead of throwing. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Returns null for anything that is not canonical padded base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!BASE64_PATTERN.test(text)) return null;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * An identifier (vault, entry, account, token) from random bytes: lower-case hex, so it always matches
 * the format's ID_PATTERN (which wants a letter or digit first; base64url may start with '-' or '_').
 */
export function randomId(random: { bytes(length: number): Uint8Array }, byteLength = 16): string {
  return Array.from(random.bytes(byteLength), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** URL-safe base64 without padding. Not for identifiers: see randomId. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Best effort: overwrite key material we no longer need. */
export function wipe(bytes: Uint8Array): void {
  bytes.fill(0);
}
