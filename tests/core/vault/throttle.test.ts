import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKdfParams, PRODUCTION_FLOOR } from '../../../src/core/vault/kdf';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import {
  chargeAttempt,
  delayAfter,
  MAX_DELAY_MS,
  NO_FAILURES,
  readThrottle,
  recordFailure,
  retryAfterMs,
  settleAttempt,
  THROTTLE_KEY,
} from '../../../src/core/vault/throttle';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import { crypto, makeDeps, must } from './helpers';

describe('unlock throttle policy', () => {
  it('0, 0, 0, then 1 s, 2 s, 4 s … capped at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9, 10, 50].map(delayAfter)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 60000, 60000, 60000]);
  });

  it('waits the delay from the last failure, then allows', () => {
    let state = NO_FAILURES;
    for (let i = 0; i < 4; i++) state = recordFailure(state, 10_000);
    expect(retryAfterMs(state, 10_000)).toBe(2000);
    expect(retryAfterMs(state, 11_500)).toBe(500);
    expect(retryAfterMs(state, 12_000)).toBe(0);
  });

  it('never asks for more than the cap, even with a clock that jumped backwards (property)', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(2 ** 40), fc.nat(2 ** 40), (failures, last, now) => {
        const wait = retryAfterMs({ failures, lastFailureAt: last }, now);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(MAX_DELAY_MS);
        if (failures < 3) expect(wait).toBe(0);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('unlock throttle state in storage', () => {
  const clock = { now: () => 5_000_000 };

  it('an absent record is no failures; a damaged or unreadable one is the worst case (a 60 s wait), never zero', async () => {
    expect(await readThrottle(new MemoryStore(), clock.now())).toEqual(NO_FAILURES);
    const damaged = new MemoryStore({ initial: { [THROTTLE_KEY]: { failures: 'lots' } } });
    expect(retryAfterMs(await readThrottle(damaged, clock.now()), clock.now())).toBe(60_000);
    const unreadable = new MemoryStore({ failOn: () => true });
    expect(retryAfterMs(await readThrottle(unreadable, clock.now()), clock.now())).toBe(60_000);
  });

  it('a damaged record refuses for 60 s and is rewritten, so the wait ends', async () => {
    const store = new MemoryStore({ initial: { [THROTTLE_KEY]: 'garbage' } });
    expect(await chargeAttempt(store, clock)).toMatchObject({ ok: false, error: { code: 'too-many-attempts', retryAfterMs: 60_000 } });
    expect(await chargeAttempt(store, { now: () => clock.now() + 60_000 })).toMatchObject({ ok: true });
  });

  it('a counter that cannot be read or written refuses the attempt', async () => {
    expect(await chargeAttempt(new MemoryStore({ failOn: (op) => op === 'get' }), clock)).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(await chargeAttempt(new MemoryStore({ failOn: (op) => op === 'set' }), clock)).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
  });

  it('charges before the attempt: the counter already shows it while the password is checked', async () => {
    const store = new MemoryStore();
    const charged = await chargeAttempt(store, clock);
    expect(charged).toEqual({ ok: true, value: NO_FAILURES });
    expect(store.dump()[THROTTLE_KEY]).toEqual({ failures: 1, lastFailureAt: clock.now() });
    await settleAttempt(store, NO_FAILURES, 'right');
    expect(store.dump()[THROTTLE_KEY]).toBeUndefined();
  });
});

describe('unlockVault and the throttle store', () => {
  async function lockedVault() {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    return store;
  }

  it('a throttle store that cannot write refuses the attempt: no password is tried, wrong or right', async () => {
    const store = await lockedVault();
    const throttleStore = new MemoryStore({ failOn: (op) => op === 'set' });
    for (const password of ['wrong', 'pw']) {
      expect(await unlockVault(makeDeps(store, { throttleStore }), password)).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    }
  });

  it('a throttle store that cannot be read refuses the attempt', async () => {
    const store = await lockedVault();
    const throttleStore = new MemoryStore({ failOn: (op) => op === 'get' });
    expect(await unlockVault(makeDeps(store, { throttleStore }), 'pw')).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
  });

  it('a worker killed while the password is checked has still counted the attempt', async () => {
    const store = await lockedVault();
    const throttleStore = new MemoryStore();
    // The key derivation never returns (the worker dies mid-check): the attempt was counted before it.
    const dying = { ...crypto, argon2id: () => Promise.reject(new Error('worker stopped')) };
    await expect(unlockVault(makeDeps(store, { throttleStore, crypto: dying }), 'guess')).rejects.toThrow('worker stopped');
    expect(throttleStore.dump()[THROTTLE_KEY]).toMatchObject({ failures: 1 });
  });
});

describe('the Argon2id floor enforced on read', () => {
  it('is 64 MiB: a vault claiming one KiB less is refused, 64 MiB passes the floor', () => {
    const params = { iterations: 3, parallelism: 1 };
    expect(checkKdfParams({ memoryKiB: 65_535, ...params }, PRODUCTION_FLOOR)).toMatchObject({ code: 'kdf-below-floor', field: 'memoryKiB' });
    expect(checkKdfParams({ memoryKiB: 64 * 1024, ...params }, PRODUCTION_FLOOR)).toBeNull();
    expect(PRODUCTION_FLOOR.memoryKiB).toBe(65_536);
  });

  it('is what unlock uses when no minimum is passed: a 1 MiB vault is refused', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store, { kdf: { memoryKiB: 1024, iterations: 3, parallelism: 1 } }), 'pw'));
    const { minimum: _unused, ...deps } = makeDeps(store);
    expect(await unlockVault(deps, 'pw')).toMatchObject({ ok: false, error: { code: 'kdf-below-floor', field: 'memoryKiB' } });
  });
});
