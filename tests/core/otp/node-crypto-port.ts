/** A CryptoPort over node:crypto for tests (the shells use WebCrypto + hash-wasm instead). */
import { createCipheriv, createDecipheriv, scryptSync } from 'node:crypto';
import type { AeadKey, CryptoPort } from '../../../src/core/ports';

interface NodeAeadKey extends AeadKey {
  readonly raw: Uint8Array;
  readonly extractable: boolean;
}

const TAG_LENGTH = 16;

const asNodeKey = (key: AeadKey): NodeAeadKey => key as NodeAeadKey;

export function createNodeCryptoPort(): CryptoPort {
  return {
    async argon2id() {
      throw new Error('argon2id is not implemented in the node test port');
    },
    async scrypt(password, salt, params, length) {
      // maxmem must cover 128 * n * r bytes, which node's default (32 MiB) does not for n = 2^18+.
      const maxmem = 256 * params.n * params.r + 1024 * 1024;
      return new Uint8Array(scryptSync(password, salt, length, { N: params.n, r: params.r, p: params.p, maxmem }));
    },
    async importAeadKey(raw, extractable = false) {
      if (raw.length !== 32) throw new Error('AES-256 keys are 32 bytes');
      const key: NodeAeadKey = { kind: 'aead-key', raw: raw.slice(), extractable };
      return key;
    },
    async exportAeadKey(key) {
      const nodeKey = asNodeKey(key);
      if (!nodeKey.extractable) throw new Error('key is not extractable');
      return nodeKey.raw.slice();
    },
    async seal(key, nonce, plaintext, associatedData) {
      const cipher = createCipheriv('aes-256-gcm', asNodeKey(key).raw, nonce);
      cipher.setAAD(associatedData);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return new Uint8Array(Buffer.concat([body, cipher.getAuthTag()]));
    },
    async open(key, nonce, sealed, associatedData) {
      if (sealed.length < TAG_LENGTH) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', asNodeKey(key).raw, nonce);
        decipher.setAAD(associatedData);
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
        const body = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_LENGTH)), decipher.final()]);
        return new Uint8Array(body);
      } catch {
        return null;
      }
    },
  };
}
