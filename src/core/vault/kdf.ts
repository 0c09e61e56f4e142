import type { Argon2idParams } from '../ports';
import type { VaultError } from './errors';

/**
 * Production Argon2id parameters: 64 MiB, 7 passes, 1 lane ≈ 0.5 s per derivation on the reference
 * machine (bench/vault.ts). hash-wasm runs lanes sequentially in one thread, so extra lanes would
 * cost us time without costing an attacker's parallel hardware anything.
 */
export const PRODUCTION_KDF: Argon2idParams = { memoryKiB: 65536, iterations: 7, parallelism: 1 };

/** What a stored vault must at least claim; below this it was tampered with (downgrade) and is refused. */
export const PRODUCTION_FLOOR: Argon2idParams = { memoryKiB: 65536, iterations: 3, parallelism: 1 };

/** Above this a stored vault would lock the worker up (or exhaust memory): refused as well. */
export const KDF_CEILING: Argon2idParams = { memoryKiB: 1048576, iterations: 64, parallelism: 16 };

export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

/** Checks parameters against the floor and the ceiling, naming the first field out of range. */
export function checkKdfParams(params: Argon2idParams, floor: Argon2idParams): VaultError | null {
  for (const field of ['memoryKiB', 'iterations', 'parallelism'] as const) {
    const value = params[field];
    if (!Number.isSafeInteger(value) || value < floor[field]) {
      return {
        code: 'kdf-below-floor',
        field,
        message: `key derivation ${field} is ${value}, below the minimum ${floor[field]}: refusing a weakened vault`,
      };
    }
    if (value > KDF_CEILING[field]) {
      return {
        code: 'kdf-above-ceiling',
        field,
        message: `key derivation ${field} is ${value}, above the maximum ${KDF_CEILING[field]}`,
      };
    }
  }
  // Argon2 itself requires at least 8 KiB per lane.
  if (params.memoryKiB < 8 * params.parallelism) {
    return {
      code: 'kdf-below-floor',
      field: 'memoryKiB',
      message: `key derivation memoryKiB ${params.memoryKiB} is below 8 KiB per lane`,
    };
  }
  return null;
}
