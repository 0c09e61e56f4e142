/**
 * The core never reads a clock, a random source or a crypto implementation on its own:
 * shells pass these small interfaces in, tests pass deterministic ones.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface RandomSource {
  /** Cryptographically strong random bytes. */
  bytes(length: number): Uint8Array;
}

/** An AES-256-GCM key the core cannot look inside (a non-extractable CryptoKey in the shells). */
export interface AeadKey {
  readonly kind: 'aead-key';
}

export interface Argon2idParams {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

export interface ScryptParams {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

export interface CryptoPort {
  argon2id(password: Uint8Array, salt: Uint8Array, params: Argon2idParams, length: number): Promise<Uint8Array>;
  scrypt(password: Uint8Array, salt: Uint8Array, params: ScryptParams, length: number): Promise<Uint8Array>;
  /** Imports 32 raw bytes as an AES-256-GCM key; extractable only when asked. */
  importAeadKey(raw: Uint8Array, extractable?: boolean): Promise<AeadKey>;
  /** Raw bytes of an extractable key; rejects for a non-extractable one. */
  exportAeadKey(key: AeadKey): Promise<Uint8Array>;
  /** Returns ciphertext with the 16-byte tag appended. */
  seal(key: AeadKey, nonce: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Promise<Uint8Array>;
  /** Returns null when authentication fails (wrong key, changed bytes). Never throws for that. */
  open(key: AeadKey, nonce: Uint8Array, sealed: Uint8Array, associatedData: Uint8Array): Promise<Uint8Array | null>;
}
