// The KDF floor and ceiling as literal figures, never taken from the constants under test: a change that
// weakens the floor (e.g. 64 MiB → 1 MiB) must fail here (issue 10).
import { describe, expect, it, vi } from 'vitest';
import type { Argon2idParams } from '../../../src/core/ports';
import { HEAD_KEY } from '../../../src/core/vault/format';
import { checkKdfParams, KDF_CEILING, KEY_BYTES, PRODUCTION_FLOOR, PRODUCTION_KDF, SALT_BYTES } from '../../../src/core/vault/kdf';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import { crypto, makeDeps, must } from './helpers';

const floor: Argon2idParams = { memoryKiB: 65536, iterations: 3, parallelism: 1 };

describe('KDF parameters', () => {
  it('are the documented figures: 64 MiB × 7 passes × 1 lane, floor 64 MiB × 3, ceiling 1 GiB × 64 × 16', () => {
    expect(PRODUCTION_KDF).toEqual({ memoryKiB: 65536, iterations: 7, parallelism: 1 });
    expect(PRODUCTION_FLOOR).toEqual(floor);
    expect(KDF_CEILING).toEqual({ memoryKiB: 1048576, iterations: 64, parallelism: 16 });
    expect([SALT_BYTES, KEY_BYTES]).toEqual([16, 32]);
  });

  it.each([
    [{ memoryKiB: 65536, iterations: 3, parallelism: 1 }, null],
    [{ memoryKiB: 65535, iterations: 7, parallelism: 1 }, { code: 'kdf-below-floor', field: 'memoryKiB' }],
    [{ memoryKiB: 1024, iterations: 7, parallelism: 1 }, { code: 'kdf-below-floor', field: 'memoryKiB' }],
    [{ memoryKiB: 65536, iterations: 2, parallelism: 1 }, { code: 'kdf-below-floor', field: 'iterations' }],
    [{ memoryKiB: 65536, iterations: 3, parallelism: 0 }, { code: 'kdf-below-floor', field: 'parallelism' }],
    [{ memoryKiB: 65536.5, iterations: 3, parallelism: 1 }, { code: 'kdf-below-floor', field: 'memoryKiB' }],
    [{ memoryKiB: Number.NaN, iterations: 3, parallelism: 1 }, { code: 'kdf-below-floor', field: 'memoryKiB' }],
    [{ memoryKiB: 1048576, iterations: 64, parallelism: 16 }, null],
    [{ memoryKiB: 1048577, iterations: 3, parallelism: 1 }, { code: 'kdf-above-ceiling', field: 'memoryKiB' }],
    [{ memoryKiB: 65536, iterations: 65, parallelism: 1 }, { code: 'kdf-above-ceiling', field: 'iterations' }],
    [{ memoryKiB: 65536, iterations: 3, parallelism: 17 }, { code: 'kdf-above-ceiling', field: 'parallelism' }],
  ])('checks %o against the production floor', (params, expected) => {
    const found = checkKdfParams(params, PRODUCTION_FLOOR);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject(expected);
  });

  it('names the value and the limit in plain words', () => {
    expect(checkKdfParams({ memoryKiB: 1024, iterations: 7, parallelism: 1 }, floor)?.message).toBe(
      'key derivation memoryKiB is 1024, below the minimum 65536: refusing a weakened vault',
    );
    expect(checkKdfParams({ memoryKiB: 65536, iterations: 65, parallelism: 1 }, floor)?.message).toBe(
      'key derivation iterations is 65, above the maximum 64',
    );
  });

  it('needs 8 KiB per lane, exactly', () => {
    const low: Argon2idParams = { memoryKiB: 8, iterations: 1, parallelism: 1 };
    expect(checkKdfParams({ memoryKiB: 32, iterations: 1, parallelism: 4 }, low)).toBeNull();
    expect(checkKdfParams({ memoryKiB: 31, iterations: 1, parallelism: 4 }, low)).toEqual({
      code: 'kdf-below-floor',
      field: 'memoryKiB',
      message: 'key derivation memoryKiB 31 is below 8 KiB per lane',
    });
  });

  it('a stored vault claiming 32 MiB is refused on unlock under the production floor, before deriving', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    const data = store.dump();
    const head = data[HEAD_KEY] as { keyring: { kdf: Record<string, unknown> } };
    Object.assign(head.keyring.kdf, { memoryKiB: 32768, iterations: 7, parallelism: 1 });
    const argon2id = vi.fn(crypto.argon2id);
    const deps = makeDeps(new MemoryStore({ initial: data }), { minimum: PRODUCTION_FLOOR, crypto: { ...crypto, argon2id } });
    const result = await unlockVault(deps, 'pw');
    expect(result.ok || result.error).toMatchObject({ code: 'kdf-below-floor', field: 'memoryKiB' });
    expect(argon2id).not.toHaveBeenCalled(); // refused from the header alone, nothing derived
  });
});
