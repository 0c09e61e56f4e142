/** Base64 and hex decoding that returns null for bad input instead of throwing. */

/** Standard or URL-safe base64, padding optional, whitespace ignored. */
export function decodeBase64(text: string): Uint8Array | null {
  const cleaned = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  const body = cleaned.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(body) || body.length % 4 === 1) return null;
  const padded = body + '='.repeat((4 - (body.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const out = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) out[index] = binary.charCodeAt(index);
    return out;
  } catch {
    return null;
  }
}

export function decodeHex(text: string): Uint8Array | null {
  const cleaned = text.replace(/\s+/g, '');
  if (cleaned.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(cleaned)) return null;
  const out = new Uint8Array(cleaned.length / 2);
  for (let index = 0; index < out.length; index++) out[index] = Number.parseInt(cleaned.slice(index * 2, index * 2 + 2), 16);
  return out;
}

export function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
  const out = new Uint8Array(first.length + second.length);
  out.set(first, 0);
  out.set(second, first.length);
  return out;
}
