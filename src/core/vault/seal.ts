import type { AeadKey, CryptoPort, RandomSource } from '../ports';
import { fromBase64, toBase64, utf8 } from './bytes';
import type { SealedBox } from './format';

export const NONCE_BYTES = 12;

/** Associated data binds each ciphertext to its role, vault and entry, so records cannot be swapped. */
export const aad = {
  keyWrap: (vaultId: string) => utf8(`otp-guard/keywrap/v1\u0000${vaultId}`),
  keyCheck: (vaultId: string) => utf8(`otp-guard/keycheck/v1\u0000${vaultId}`),
  entryData: (format: number, vaultId: string, entryId: string) =>
    utf8(`otp-guard/entry/v${format}\u0000${vaultId}\u0000${entryId}`),
  entryName: (format: number, vaultId: string, entryId: string) =>
    utf8(`otp-guard/name/v${format}\u0000${vaultId}\u0000${entryId}`),
};

/** Seals with a fresh random 96-bit nonce: every write gets its own. */
export async function sealBox(
  crypto: CryptoPort,
  random: RandomSource,
  key: AeadKey,
  plaintext: Uint8Array,
  associatedData: Uint8Array,
): Promise<SealedBox> {
  const nonce = random.bytes(NONCE_BYTES);
  const sealed = await crypto.seal(key, nonce, plaintext, associatedData);
  return { n: toBase64(nonce), c: toBase64(sealed) };
}

/** Null when the box is malformed or fails authentication. */
export async function openBox(
  crypto: CryptoPort,
  key: AeadKey,
  box: SealedBox,
  associatedData: Uint8Array,
): Promise<Uint8Array | null> {
  const nonce = fromBase64(box.n);
  const sealed = fromBase64(box.c);
  if (nonce === null || sealed === null || nonce.length !== NONCE_BYTES || sealed.length < 16) return null;
  return crypto.open(key, nonce, sealed, associatedData);
}
