import { createWebCryptoPort } from '../../../src/adapters/crypto';
import type { Argon2idParams, Clock, RandomSource } from '../../../src/core/ports';
import type { VaultDeps } from '../../../src/core/vault/deps';
import { MemoryStore, type MemoryStoreOptions } from '../../../src/core/vault/memory-store';
import type { KeyValueStore } from '../../../src/core/vault/ports';
import type { OpenVault } from '../../../src/core/vault/open-vault';

export const crypto = createWebCryptoPort();

/** Tiny KDF cost for unit tests; floors for those tests are set to match. */
export const TEST_KDF: Argon2idParams = { memoryKiB: 64, iterations: 1, parallelism: 1 };
export const TEST_FLOOR: Argon2idParams = { memoryKiB: 8, iterations: 1, parallelism: 1 };

/** Deterministic random bytes (xorshift): reproducible test runs. Production uses webRandom. */
export function seededRandom(seed = 1): RandomSource {
  let state = seed >>> 0 || 1;
  return {
    bytes(length: number) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        out[i] = state & 0xff;
      }
      return out;
    },
  };
}

/** A clock that moves 1 s forward on every read, so stamps are ordered. */
export function steppingClock(start = 1_700_000_000_000): Clock & { set(ms: number): void } {
  let now = start;
  return {
    now: () => {
      now += 1000;
      return now;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

export function makeDeps(store: KeyValueStore = new MemoryStore(), overrides: Partial<VaultDeps> = {}): VaultDeps {
  return {
    store,
    crypto,
    random: seededRandom(7),
    clock: steppingClock(),
    kdf: TEST_KDF,
    minimum: TEST_FLOOR,
    deviceId: 'device-a',
    ...overrides,
  };
}

/** A fresh store holding a copy of another's data, as a restarted worker would find it. */
export const reopen = (store: MemoryStore, options: MemoryStoreOptions = {}): MemoryStore =>
  new MemoryStore({ ...options, initial: store.dump() });

/** Entries of an open vault as a sorted plain list; throws (fails the test) on any error. */
export async function contents(vault: OpenVault): Promise<{ id: string; name: string; data: unknown }[]> {
  const listing = await vault.entries();
  if (!listing.ok) throw new Error(`entries failed: ${listing.error.message}`);
  if (listing.value.damaged.length > 0) throw new Error(`damaged: ${JSON.stringify(listing.value.damaged)}`);
  return listing.value.ok.sort((a, b) => a.id.localeCompare(b.id));
}

export function must<T, E extends { message: string }>(result: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export const account = (id: string, secret = `SECRET${id.toUpperCase()}`) => ({
  id,
  name: `Account ${id}`,
  data: { issuer: `Issuer ${id}`, secret },
});
