import type { Argon2idParams } from '../ports';
import { err, ok, type Result } from '../result';
import { fromBase64, toBase64, utf8, wipe } from './bytes';
import type { VaultError } from './errors';
import type { Keyring } from './format';
import { checkKdfParams, KEY_BYTES, SALT_BYTES } from './kdf';
import { aad, openBox, sealBox } from './seal';
import type { VaultDeps } from './deps';
import type { AeadKey } from '../ports';

/** Passwords are compared as typed after Unicode NFC, so the same characters always derive the same key. */
export const passwordBytes = (password: string): Uint8Array => utf8(password.normalize('NFC'));

async function deriveKek(deps: VaultDeps, password: string, salt: Uint8Array, params: Argon2idParams): Promise<AeadKey> {
  const secret = passwordBytes(password);
  const kekBytes = await deps.crypto.argon2id(secret, salt, params, KEY_BYTES);
  wipe(secret);
  const kek = await deps.crypto.importAeadKey(kekBytes, false);
  wipe(kekBytes);
  return kek;
}

/** Wraps the raw vault key under a fresh salt and the given password. */
export async function buildKeyring(
  deps: VaultDeps,
  vaultId: string,
  password: string,
  rawVaultKey: Uint8Array,
  vaultKey: AeadKey,
  params: Argon2idParams,
): Promise<Keyring> {
  const salt = deps.random.bytes(SALT_BYTES);
  const kek = await deriveKek(deps, password, salt, params);
  const wrappedKey = await sealBox(deps.crypto, deps.random, kek, rawVaultKey, aad.keyWrap(vaultId));
  const keyCheck = await sealBox(deps.crypto, deps.random, vaultKey, new Uint8Array(0), aad.keyCheck(vaultId));
  return {
    kdf: { algorithm: 'argon2id', ...params, salt: toBase64(salt) },
    wrappedKey,
    keyCheck,
    u: deps.clock.now(),
    d: deps.deviceId ?? DEFAULT_DEVICE_ID,
  };
}

export const DEFAULT_DEVICE_ID = 'this-device';

/** Validates the stored KDF parameters BEFORE spending time on them (a tampered vault cannot downgrade). */
export function checkKeyringKdf(keyring: Keyring, floor: Argon2idParams): VaultError | null {
  const salt = fromBase64(keyring.kdf.salt);
  if (salt === null || salt.length !== SALT_BYTES) {
    return { code: 'kdf-below-floor', field: 'salt', message: `key derivation salt must be ${SALT_BYTES} bytes` };
  }
  return checkKdfParams(keyring.kdf, floor);
}

/**
 * Derives the key-encryption key and unwraps the vault key. Returns the raw vault key bytes:
 * the caller imports them and wipes them.
 */
export async function unwrapVaultKey(
  deps: VaultDeps,
  vaultId: string,
  keyring: Keyring,
  password: string,
): Promise<Result<Uint8Array, VaultError>> {
  const salt = fromBase64(keyring.kdf.salt);
  if (salt === null) return err({ code: 'corrupt-header', message: 'keyring.kdf.salt is not base64' });
  const kek = await deriveKek(deps, password, salt, keyring.kdf);
  const raw = await openBox(deps.crypto, kek, keyring.wrappedKey, aad.keyWrap(vaultId));
  if (raw === null) {
    return err({ code: 'wrong-password', message: 'wrong password (or the stored key was damaged)' });
  }
  if (raw.length !== KEY_BYTES) return err({ code: 'corrupt-header', message: 'keyring.wrappedKey is not a 256-bit key' });
  return ok(raw);
}

/** True when the key opens the keyring's key check: the right vault key for this vault. */
export async function keyMatches(deps: VaultDeps, vaultId: string, keyring: Keyring, key: AeadKey): Promise<boolean> {
  return (await openBox(deps.crypto, key, keyring.keyCheck, aad.keyCheck(vaultId))) !== null;
}
