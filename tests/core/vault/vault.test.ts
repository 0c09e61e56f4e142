import { describe, expect, it } from 'vitest';
import { HEAD_KEY } from '../../../src/core/vault/format';
import { PRODUCTION_FLOOR } from '../../../src/core/vault/kdf';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import type { KeyValueStore } from '../../../src/core/vault/ports';
import { THROTTLE_KEY } from '../../../src/core/vault/throttle';
import { createVault, resumeVault, unlockVault, vaultStatus } from '../../../src/core/vault/vault';
import { account, contents, makeDeps, must, reopen, steppingClock } from './helpers';

describe('create and unlock', () => {
  it('creates, stores entries, and unlocks with the same password after a restart', async () => {
    const store = new MemoryStore();
    const deps = makeDeps(store);
    expect(await vaultStatus(deps)).toEqual({ state: 'none' });
    const vault = must(await createVault(deps, 'correct horse'));
    must(await vault.put([account('a'), account('b')], vault.revision));
    const again = must(await unlockVault(makeDeps(reopen(store)), 'correct horse'));
    expect((await contents(again)).map((e) => e.name)).toEqual(['Account a', 'Account b']);
    expect(await vaultStatus(deps)).toMatchObject({ state: 'locked', entryCount: 2, readOnly: false, revision: 2 });
  });

  it('refuses to create over an existing vault and writes nothing', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    const before = store.dump();
    const writes = store.writeCalls().length;
    const second = await createVault(makeDeps(store), 'other');
    expect(second.ok || second.error.code).toBe('vault-exists');
    expect(store.dump()).toEqual(before);
    expect(store.writeCalls().length).toBe(writes);
  });

  it('refuses an empty password (no plaintext mode)', async () => {
    const result = await createVault(makeDeps(), '');
    expect(result.ok || result.error.code).toBe('invalid-input');
  });

  it('refuses to create with KDF parameters below the configured floor', async () => {
    const result = await createVault(makeDeps(undefined, { minimum: PRODUCTION_FLOOR }), 'pw');
    expect(result.ok || result.error).toMatchObject({ code: 'kdf-below-floor', field: 'memoryKiB' });
  });

  it('put/remove bump versions, tombstone deletions and report them in the listing', async () => {
    const vault = must(await createVault(makeDeps(), 'pw'));
    const r1 = must(await vault.put([account('a'), account('b')], vault.revision));
    const r2 = must(await vault.remove(['a'], r1.revision));
    expect(r2.revision).toBe(r1.revision + 1);
    expect((await contents(vault)).map((e) => e.id)).toEqual(['b']);
    const edited = must(await vault.put([{ id: 'b', name: 'Renamed', data: { n: 2 } }], r2.revision));
    expect(await contents(vault)).toEqual([{ id: 'b', name: 'Renamed', data: { n: 2 } }]);
    // Removing an id that is not there changes nothing and keeps the revision.
    expect(must(await vault.remove(['zzz'], edited.revision)).revision).toBe(edited.revision);
  });

  it('rejects bad ids, duplicate ids and non-JSON data before writing', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    const writes = store.writeCalls().length;
    for (const changes of [
      [{ id: '__proto__', name: 'x', data: 1 }],
      [account('a'), account('a')],
      [{ id: 'a', name: 'x', data: undefined }],
      [{ id: 'a', name: 'x'.repeat(201), data: 1 }],
    ]) {
      const result = await vault.put(changes, vault.revision);
      expect(result.ok || result.error.code).toBe('invalid-input');
    }
    expect(store.writeCalls().length).toBe(writes);
  });
});

describe('wrong password', () => {
  it('never writes to the vault, and the throttle counter lives elsewhere', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'right'));
    must(await vault.put([account('a')], vault.revision));
    const vaultStore = reopen(store);
    const throttleStore = new MemoryStore();
    const result = await unlockVault(makeDeps(vaultStore, { throttleStore }), 'wrong');
    expect(result.ok || result.error.code).toBe('wrong-password');
    expect(vaultStore.writeCalls()).toEqual([]);
    expect(vaultStore.dump()).toEqual(store.dump());
    expect(throttleStore.dump()[THROTTLE_KEY]).toMatchObject({ failures: 1 });
  });

  it('with one store, the only key ever written is the throttle counter', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'right'));
    const before = store.dump();
    const logStart = store.log.length;
    await unlockVault(makeDeps(store), 'wrong');
    const written = store.log.slice(logStart).filter((c) => c.op === 'set' || c.op === 'remove');
    expect(written.flatMap((c) => c.keys)).toEqual([THROTTLE_KEY]);
    const after = store.dump();
    delete after[THROTTLE_KEY];
    expect(after).toEqual(before);
  });

  it('after three failures it refuses early, without running the KDF, until the delay has passed', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'right'));
    const clock = steppingClock(2_000_000_000_000);
    let kdfRuns = 0;
    const base = makeDeps(store, { clock });
    const counting = {
      ...base,
      crypto: {
        ...base.crypto,
        argon2id: (...args: Parameters<typeof base.crypto.argon2id>) => {
          kdfRuns++;
          return base.crypto.argon2id(...args);
        },
      },
    };
    for (let i = 0; i < 3; i++) expect((await unlockVault(counting, 'wrong')).ok).toBe(false);
    expect(kdfRuns).toBe(3);
    // A fourth failure is allowed right away (delay after 3 failures is 1 s; the clock moved 1 s).
    expect(await unlockVault(counting, 'wrong')).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    const blocked = await unlockVault(counting, 'right');
    expect(blocked).toMatchObject({ ok: false, error: { code: 'too-many-attempts' } });
    expect(blocked.ok || (blocked.error.code === 'too-many-attempts' && blocked.error.retryAfterMs)).toBeGreaterThan(0);
    expect(kdfRuns).toBe(4);
    clock.set(2_000_000_000_000 + 3_600_000);
    must(await unlockVault(counting, 'right'));
    expect(store.dump()[THROTTLE_KEY]).toBeUndefined();
  });
});

describe('KDF floors on read', () => {
  it('a vault header claiming weaker parameters than the production floor is refused before deriving', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    // The test vault really uses tiny parameters: under production floors it reads as a downgrade.
    const result = await unlockVault(makeDeps(reopen(store), { minimum: PRODUCTION_FLOOR }), 'pw');
    expect(result.ok || result.error).toMatchObject({ code: 'kdf-below-floor', field: 'memoryKiB' });
  });

  it('tampered iterations, salt length, and absurd memory are refused', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    const tamper = async (edit: (kdf: Record<string, unknown>) => void) => {
      const data = store.dump();
      const head = data[HEAD_KEY] as { keyring: { kdf: Record<string, unknown> } };
      head.keyring.kdf.memoryKiB = 65536;
      head.keyring.kdf.iterations = 7;
      edit(head.keyring.kdf);
      return unlockVault(makeDeps(new MemoryStore({ initial: data }), { minimum: PRODUCTION_FLOOR }), 'pw');
    };
    expect(await tamper((k) => (k.iterations = 2))).toMatchObject({ error: { code: 'kdf-below-floor', field: 'iterations' } });
    expect(await tamper((k) => (k.salt = 'AAAA'))).toMatchObject({ error: { code: 'kdf-below-floor', field: 'salt' } });
    expect(await tamper((k) => (k.memoryKiB = 64 * 1024 * 1024))).toMatchObject({ error: { code: 'kdf-above-ceiling' } });
  });
});

describe('damage and versions', () => {
  it('one damaged entry is reported by name while the rest open', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a'), account('b'), account('c')], vault.revision));
    const data = store.dump();
    const head = data[HEAD_KEY] as { entries: Record<string, { record: string }> };
    const bRecord = data[head.entries.b!.record] as { c: string };
    bRecord.c = `${bRecord.c[0] === 'A' ? 'B' : 'A'}${bRecord.c.slice(1)}`;
    delete data[head.entries.c!.record];
    const reopened = must(await unlockVault(makeDeps(new MemoryStore({ initial: data })), 'pw'));
    const listing = must(await reopened.entries());
    expect(listing.ok.map((e) => e.id)).toEqual(['a']);
    expect(listing.damaged).toEqual([
      expect.objectContaining({ id: 'b', name: 'Account b', reason: 'authentication-failed' }),
      expect.objectContaining({ id: 'c', name: 'Account c', reason: 'record-missing' }),
    ]);
    expect(listing.damaged[0]!.message).toContain('Account b');
  });

  it('a record moved to another entry id fails authentication (ids are bound by associated data)', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a'), account('b')], vault.revision));
    const data = store.dump();
    const head = data[HEAD_KEY] as { entries: Record<string, { record: string }> };
    data[head.entries.b!.record] = data[head.entries.a!.record];
    const listing = must(await must(await unlockVault(makeDeps(new MemoryStore({ initial: data })), 'pw')).entries());
    expect(listing.damaged.map((d) => d.id)).toEqual(['b']);
  });

  it('a damaged header is reported and the vault is not overwritten by create', async () => {
    const store = new MemoryStore({ initial: { [HEAD_KEY]: { format: 1, vaultId: 3 } } });
    expect(await vaultStatus({ store })).toMatchObject({ state: 'unreadable', error: { code: 'corrupt-header' } });
    expect(await unlockVault(makeDeps(store), 'pw')).toMatchObject({ error: { code: 'corrupt-header' } });
    expect(await createVault(makeDeps(store), 'pw')).toMatchObject({ error: { code: 'vault-exists' } });
    expect(store.writeCalls()).toEqual([]);
  });

  it('a vault written by a newer format opens read-only and refuses every write', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a')], vault.revision));
    const data = store.dump();
    (data[HEAD_KEY] as { format: number }).format = 2;
    const newer = new MemoryStore({ initial: data });
    expect(await vaultStatus({ store: newer })).toMatchObject({ state: 'locked', readOnly: true, format: 2 });
    const opened = must(await unlockVault(makeDeps(newer), 'pw'));
    expect(opened.readOnly).toBe(true);
    // Entries of format 1 cannot be authenticated under format 2's associated data: reported, not lost.
    const listing = must(await opened.entries());
    expect(listing.ok.length + listing.damaged.length).toBe(1);
    const writes = newer.writeCalls().length;
    expect(await opened.put([account('b')], opened.revision)).toMatchObject({ error: { code: 'read-only-newer-version' } });
    expect(await opened.remove(['a'], opened.revision)).toMatchObject({ error: { code: 'read-only-newer-version' } });
    expect(await opened.changePassword('pw', 'new')).toMatchObject({ error: { code: 'read-only-newer-version' } });
    expect(newer.writeCalls().length).toBe(writes);
    expect(newer.dump()).toEqual(data);
  });

  it('a newer vault this version cannot parse is reported as unsupported, not corrupt', async () => {
    const store = new MemoryStore({ initial: { [HEAD_KEY]: { format: 9, layout: 'future' } } });
    expect(await unlockVault(makeDeps(store), 'pw')).toMatchObject({ error: { code: 'unsupported-format', format: 9 } });
  });
});

describe('concurrency and quota', () => {
  it('two views editing from the same revision: the second gets a Conflict, nothing is overwritten', async () => {
    const store = new MemoryStore();
    const deps = makeDeps(store);
    const first = must(await createVault(deps, 'pw'));
    const second = must(await unlockVault(deps, 'pw'));
    const base = first.revision;
    must(await first.put([{ id: 'x', name: 'from first', data: 1 }], base));
    const clash = await second.put([{ id: 'x', name: 'from second', data: 2 }], base);
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', expectedRevision: base, actualRevision: base + 1 } });
    expect(await contents(second)).toEqual([{ id: 'x', name: 'from first', data: 1 }]);
  });

  it('writes issued together are serialised: exactly one of two same-revision writes wins', async () => {
    const vault = must(await createVault(makeDeps(), 'pw'));
    const base = vault.revision;
    const results = await Promise.all([vault.put([account('a')], base), vault.put([account('b')], base)]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect((await contents(vault)).length).toBe(1);
  });

  it('quota exceeded is reported before anything is written or dropped', async () => {
    const store = new MemoryStore({ quotaBytes: 4000 });
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a')], vault.revision));
    const before = store.dump();
    const writes = store.writeCalls().length;
    const big = { id: 'big', name: 'Big', data: { blob: 'x'.repeat(5000) } };
    const result = await vault.put([big], vault.revision);
    expect(result).toMatchObject({ ok: false, error: { code: 'quota-exceeded', quotaBytes: 4000 } });
    expect(store.writeCalls().length).toBe(writes);
    expect(store.dump()).toEqual(before);
    expect((await contents(vault)).map((e) => e.id)).toEqual(['a']);
  });

  it('a store that reports quota only when writing also leaves the old state', async () => {
    // No quotaBytes advertised: the pre-check is skipped and the store itself throws.
    const inner = new MemoryStore({ quotaBytes: 4000 });
    const vault0 = must(await createVault(makeDeps(inner), 'pw'));
    must(await vault0.put([account('a')], vault0.revision));
    const silent: KeyValueStore = {
      get: (keys) => inner.get(keys),
      set: (items) => inner.set(items),
      remove: (keys) => inner.remove(keys),
      keys: () => inner.keys(),
    };
    const vault = must(await unlockVault(makeDeps(silent), 'pw'));
    const result = await vault.put([{ id: 'big', name: 'Big', data: 'x'.repeat(5000) }], vault.revision);
    expect(result).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    expect((await contents(must(await unlockVault(makeDeps(reopen(inner)), 'pw')))).map((e) => e.id)).toEqual(['a']);
  });
});

describe('session and password change', () => {
  it('exports the session key once and resumes with it after a restart', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a')], vault.revision));
    const sessionKey = must(await vault.exportSessionKey());
    expect(sessionKey.length).toBe(32);
    expect(await vault.exportSessionKey()).toMatchObject({ ok: false, error: { code: 'session-key-unavailable' } });
    const resumed = must(await resumeVault(makeDeps(reopen(store)), sessionKey));
    expect((await contents(resumed)).map((e) => e.id)).toEqual(['a']);
    expect(await resumed.exportSessionKey()).toMatchObject({ ok: false });
    const wrong = await resumeVault(makeDeps(reopen(store)), new Uint8Array(32).fill(1));
    expect(wrong).toMatchObject({ ok: false, error: { code: 'session-key-mismatch' } });
  });

  it('changing the password re-wraps only the key: entry records are untouched', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'old'));
    must(await vault.put([account('a'), account('b')], vault.revision));
    const recordsBefore = Object.entries(store.dump()).filter(([k]) => k !== HEAD_KEY);
    expect(await vault.changePassword('nope', 'new')).toMatchObject({ error: { code: 'wrong-password' } });
    must(await vault.changePassword('old', 'new'));
    const recordsAfter = Object.entries(store.dump()).filter(([k]) => k !== HEAD_KEY && k !== THROTTLE_KEY);
    expect(recordsAfter).toEqual(recordsBefore);
    expect(await unlockVault(makeDeps(reopen(store)), 'old')).toMatchObject({ error: { code: 'wrong-password' } });
    expect((await contents(must(await unlockVault(makeDeps(reopen(store)), 'new')))).length).toBe(2);
  });
});
