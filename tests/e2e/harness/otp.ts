/** Codes computed independently of the extension (node:crypto HMAC, RFC 4226/6238), for assertions. */
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Bytes(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/[\s=-]/g, '').toUpperCase()) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`bad base32 ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function hotp(secretBase32: string, counter: number, digits = 6, algorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, base32Bytes(secretBase32)).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totp(secretBase32: string, epochMs: number, digits = 6, period = 30, algorithm = 'sha1'): string {
  return hotp(secretBase32, Math.floor(epochMs / 1000 / period), digits, algorithm);
}

/** The codes valid around now (the previous, current and next period), for a test racing the clock. */
export function totpWindow(secretBase32: string, epochMs: number): string[] {
  return [-30_000, 0, 30_000].map((delta) => totp(secretBase32, epochMs + delta));
}
