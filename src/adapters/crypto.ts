import { argon2id, scrypt } from 'hash-wasm';
import type { AeadKey, Argon2idParams, Clock, CryptoPort, RandomSource, ScryptParams } from '../core/ports';

/** The core sees an opaque AeadKey; only this adapter knows it wraps a WebCrypto CryptoKey. */
interface WebAeadKey extends AeadKey {
  readonly cryptoKey: CryptoKey;
}

const GCM_TAG_BITS = 128;

/** WebCrypto wants ArrayBuffer-backed views; copying also detaches us from caller buffers. */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

function unwrapKey(key: AeadKey): CryptoKey {
  const cryptoKey = (key as Partial<WebAeadKey>).cryptoKey;
  if (cryptoKey === undefined) throw new TypeError('AeadKey was not created by this crypto port');
  return cryptoKey;
}

export function createWebCryptoPort(subtle: SubtleCrypto = globalThis.crypto.subtle): CryptoPort {
  return {
    async argon2id(password: Uint8Array, salt: Uint8Array, params: Argon2idParams, length: number) {
      return argon2id({
        password,
        salt,
        memorySize: params.memoryKiB,
        iterations: params.iterations,
        parallelism: params.parallelism,
        hashLength: length,
        outputType: 'binary',
      });
    },

    async scrypt(password: Uint8Array, salt: Uint8Array, params: ScryptParams, length: number) {
      return scrypt({
        password,
        salt,
        costFactor: params.n,
        blockSize: params.r,
        parallelism: params.p,
        hashLength: length,
        outputType: 'binary',
      });
    },

    async importAeadKey(raw: Uint8Array, extractable = false) {
      if (raw.byteLength !== 32) throw new RangeError(`AES-256 key must be 32 bytes, got ${raw.byteLength}`);
      const cryptoKey = await subtle.importKey('raw', buffer(raw), { name: 'AES-GCM' }, extractable, [
        'encrypt',
        'decrypt',
      ]);
      const key: WebAeadKey = { kind: 'aead-key', cryptoKey };
      return key;
    },

    async exportAeadKey(key: AeadKey) {
      return new Uint8Array(await subtle.exportKey('raw', unwrapKey(key)));
    },

    async seal(key: AeadKey, nonce: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array) {
      const sealed = await subtle.encrypt(
        { name: 'AES-GCM', iv: buffer(nonce), additionalData: buffer(associatedData), tagLength: GCM_TAG_BITS },
        unwrapKey(key),
        buffer(plaintext),
      );
      return new Uint8Array(sealed);
    },

    async open(key: AeadKey, nonce: Uint8Array, sealed: Uint8Array, associatedData: Uint8Array) {
      try {
        const plain = await subtle.decrypt(
          { name: 'AES-GCM', iv: buffer(nonce), additionalData: buffer(associatedData), tagLength: GCM_TAG_BITS },
          unwrapKey(key),
          buffer(sealed),
        );
        return new Uint8Array(plain);
      } catch {
        // OperationError: authentication failed (or input too short to hold a tag).
        return null;
      }
    },
  };
}

export const webRandom: RandomSource = {
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    // getRandomValues is limited to 65536 bytes per call.
    for (let offset = 0; offset < length; offset += 65536) {
      globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
    }
    return out;
  },
};

export const systemClock: Clock = {
  now: () => Date.now(),
};
