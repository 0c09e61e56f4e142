import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWebCryptoPort, systemClock, webRandom } from '../../src/adapters/crypto';
import aesVectors from '../core/vault/vectors/aes-256-gcm.json';
import argonVectors from '../core/vault/vectors/argon2id-reference.json';

const crypto = createWebCryptoPort();
const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const text = (s: string) => new TextEncoder().encode(s);

describe('Argon2id known answers (reference implementation test.c)', () => {
  for (const vector of argonVectors.vectors) {
    it(`t=${vector.iterations} m=${vector.memoryKiB} KiB p=${vector.parallelism}`, async () => {
      const out = await crypto.argon2id(text(vector.password), text(vector.salt), vector, 32);
      expect(toHex(out)).toBe(vector.hex);
    });
  }
});

describe('AES-256-GCM known answers (McGrew–Viega)', () => {
  for (const vector of aesVectors.vectors) {
    it(vector.name, async () => {
      const key = await crypto.importAeadKey(hex(vector.key));
      const sealed = await crypto.seal(key, hex(vector.nonce), hex(vector.plaintext), hex(vector.aad));
      expect(toHex(sealed)).toBe(vector.ciphertext + vector.tag);
      const opened = await crypto.open(key, hex(vector.nonce), sealed, hex(vector.aad));
      expect(opened && toHex(opened)).toBe(vector.plaintext);
    });
  }
});

describe('scrypt', () => {
  it('matches RFC 7914 section 12 (N=16, r=1, p=1, empty password and salt)', async () => {
    const out = await crypto.scrypt(new Uint8Array(0), new Uint8Array(0), { n: 16, r: 1, p: 1 }, 64);
    expect(toHex(out)).toBe(
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    );
  });
});

describe('AES-256-GCM properties', () => {
  const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });

  it('seal then open returns the plaintext', async () => {
    await fc.assert(
      fc.asyncProperty(bytes(32, 32), bytes(12, 12), bytes(0, 200), bytes(0, 40), async (raw, nonce, plain, aad) => {
        const key = await crypto.importAeadKey(raw);
        const sealed = await crypto.seal(key, nonce, plain, aad);
        expect(sealed.length).toBe(plain.length + 16);
        expect(await crypto.open(key, nonce, sealed, aad)).toEqual(plain);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('any changed byte of ciphertext, tag, nonce or associated data fails to open', async () => {
    const key = await crypto.importAeadKey(new Uint8Array(32).fill(9));
    await fc.assert(
      fc.asyncProperty(
        bytes(12, 12),
        bytes(1, 64),
        bytes(1, 32),
        fc.constantFrom('sealed', 'nonce', 'aad'),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (nonce, plain, aad, part, position, flip) => {
          const sealed = await crypto.seal(key, nonce, plain, aad);
          const parts = { sealed: sealed.slice(), nonce: nonce.slice(), aad: aad.slice() };
          const target = parts[part];
          const index = position % target.length;
          target[index] = target[index]! ^ flip;
          expect(await crypto.open(key, parts.nonce, parts.sealed, parts.aad)).toBeNull();
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });

  it('a different key fails to open and a truncated input returns null instead of throwing', async () => {
    const key = await crypto.importAeadKey(new Uint8Array(32).fill(1));
    const other = await crypto.importAeadKey(new Uint8Array(32).fill(2));
    const nonce = new Uint8Array(12);
    const sealed = await crypto.seal(key, nonce, text('secret'), new Uint8Array(0));
    expect(await crypto.open(other, nonce, sealed, new Uint8Array(0))).toBeNull();
    expect(await crypto.open(key, nonce, sealed.slice(0, 5), new Uint8Array(0))).toBeNull();
  });
});

describe('key handling', () => {
  it('keys are non-extractable unless asked', async () => {
    const raw = new Uint8Array(32).fill(3);
    const locked = await crypto.importAeadKey(raw);
    await expect(crypto.exportAeadKey(locked)).rejects.toThrow();
    const open = await crypto.importAeadKey(raw, true);
    expect(await crypto.exportAeadKey(open)).toEqual(raw);
  });

  it('refuses keys that are not 256-bit', async () => {
    await expect(crypto.importAeadKey(new Uint8Array(16))).rejects.toThrow(/32 bytes/);
  });

  it('webRandom fills large buffers and systemClock reads the time', () => {
    const big = webRandom.bytes(70_000);
    expect(big.length).toBe(70_000);
    expect(big.slice(66_000).some((b) => b !== 0)).toBe(true);
    expect(systemClock.now()).toBeGreaterThan(1_600_000_000_000);
  });
});
