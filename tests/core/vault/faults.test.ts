import { describe, expect, it } from 'vitest';
import type { InspectedBackup } from '../../../src/core/vault/backup';
import { destroyVaultAfterExport, exportRawVault, inspectBackup } from '../../../src/core/vault/backup';
import { HEAD_KEY, type VaultSnapshot } from '../../../src/core/vault/format';
import { type FaultMode, MemoryStore, type StoreOp } from '../../../src/core/vault/memory-store';
import type { OpenVault } from '../../../src/core/vault/open-vault';
import { pullReplica, pushReplica } from '../../../src/core/vault/sync';
import { createVault, unlockVault, vaultStatus } from '../../../src/core/vault/vault';
import { account, contents, makeDeps, must, reopen } from './helpers';

const MODES: FaultMode[] = ['reject', 'apply-then-reject', 'partial-then-reject', 'partial-tail-then-reject', 'kill'];
const PASSWORD = 'pw';

/** A store whose fault is armed at an absolute call index chosen after setup. */
function armedStore(initial: Record<string, unknown>, mode: FaultMode) {
  let armedAt = -1;
  const store = new MemoryStore({ initial, failOn: (_op: StoreOp, index: number) => (index === armedAt ? mode : false) });
  return { store, arm: (offset: number) => (armedAt = store.log.length + offset) };
}

type State = { id: string; name: string; data: unknown }[] | 'none';

async function stateOf(data: Record<string, unknown>, password = PASSWORD): Promise<State> {
  const store = new MemoryStore({ initial: data });
  if ((await vaultStatus({ store })).state === 'none') return 'none';
  return contents(must(await unlockVault(makeDeps(store), password)));
}

/** Every `vault/g…` record is referenced by the head: nothing leaked after a successful write. */
function assertNoOrphans(data: Record<string, unknown>) {
  const head = data[HEAD_KEY] as { entries: Record<string, { record: string }> } | undefined;
  const referenced = new Set(Object.values(head?.entries ?? {}).map((e) => e.record));
  expect(Object.keys(data).filter((k) => k.startsWith('vault/g') && !referenced.has(k))).toEqual([]);
}

async function baseVault(): Promise<Record<string, unknown>> {
  const store = new MemoryStore();
  const vault = must(await createVault(makeDeps(store), PASSWORD));
  must(await vault.put([account('a'), account('b')], vault.revision));
  return store.dump();
}

interface WritePath {
  name: string;
  initial: () => Promise<Record<string, unknown>>;
  /** `armNow` arms the fault relative to the calls made from that moment on. */
  run: (store: MemoryStore, armNow: () => void) => Promise<{ ok: boolean }>;
  /** Reads the state after the run; for password changes, whichever password works. */
  read?: (data: Record<string, unknown>) => Promise<State>;
}

/** Unlock first (its calls are not the subject), then arm the fault and run the write. */
const withVault =
  (write: (vault: OpenVault) => Promise<{ ok: boolean }>) =>
  async (store: MemoryStore, armNow: () => void) => {
    const vault = must(await unlockVault(makeDeps(store), PASSWORD));
    armNow();
    return write(vault);
  };

let remoteReplica: VaultSnapshot;
let inspected: InspectedBackup;

const PATHS: WritePath[] = [
  {
    name: 'create',
    initial: async () => ({}),
    run: async (store, armNow) => {
      armNow();
      return createVault(makeDeps(store), PASSWORD);
    },
  },
  { name: 'put (add)', initial: baseVault, run: withVault((v) => v.put([account('c')], v.revision)) },
  {
    name: 'put (edit two)',
    initial: baseVault,
    run: withVault((v) => v.put([{ ...account('a'), data: { edited: true } }, { ...account('b'), name: 'B2' }], v.revision)),
  },
  { name: 'remove', initial: baseVault, run: withVault((v) => v.remove(['a'], v.revision)) },
  {
    name: 'changePassword',
    initial: baseVault,
    run: withVault((v) => v.changePassword(PASSWORD, 'next-pw')),
    read: async (data) => {
      const withOld = await unlockVault(makeDeps(new MemoryStore({ initial: data })), PASSWORD);
      const withNew = await unlockVault(makeDeps(new MemoryStore({ initial: data })), 'next-pw');
      // Exactly one password works: never both, never neither.
      expect(withOld.ok !== withNew.ok).toBe(true);
      const vault = withOld.ok ? withOld.value : must(withNew);
      return [...(await contents(vault)), { id: '(password)', name: withOld.ok ? 'old' : 'new', data: null }];
    },
  },
  { name: 'restore (merge)', initial: baseVault, run: withVault((v) => v.restore(inspected, 'merge', v.revision)) },
  { name: 'restore (replace)', initial: baseVault, run: withVault((v) => v.restore(inspected, 'replace', v.revision)) },
  { name: 'sync merge write', initial: baseVault, run: withVault((v) => v.mergeRemote(remoteReplica, v.revision)) },
];

/** Runs `path` cleanly to learn its call count and its new state. */
async function cleanRun(path: WritePath) {
  const initial = await path.initial();
  const { store, arm } = armedStore(initial, 'reject');
  let start = -1;
  const result = await path.run(store, () => {
    start = store.log.length;
    arm(Number.MAX_SAFE_INTEGER);
  });
  expect(result.ok).toBe(true);
  return { initial, calls: store.log.length - start, after: store.dump() };
}

describe('crash safety: a fault at any storage call leaves the old state or the new one', () => {
  it('prepares a remote replica and a backup', async () => {
    const data = await baseVault();
    const other = new MemoryStore({ initial: data });
    const device = must(await unlockVault(makeDeps(other, { deviceId: 'device-b' }), PASSWORD));
    must(await device.put([account('r'), { ...account('b'), data: { remote: true } }], device.revision));
    must(await device.remove(['a'], device.revision));
    remoteReplica = must(await device.replica());

    const source = must(await createVault(makeDeps(new MemoryStore()), 'backup-source'));
    must(await source.put([account('x'), { ...account('a'), data: { fromBackup: true } }], source.revision));
    const file = must(await source.exportBackup('backup-pw'));
    inspected = must(await inspectBackup(makeDeps(), file.text, 'backup-pw'));
  });

  for (const path of PATHS) {
    it(`${path.name}: every call index × every fault mode`, async () => {
      const { initial, calls, after } = await cleanRun(path);
      const read = path.read ?? ((data: Record<string, unknown>) => stateOf(data));
      const oldState = await read(initial);
      const newState = await read(after);
      expect(newState).not.toEqual(oldState);
      expect(calls).toBeGreaterThan(0);
      const seen = new Set<string>();
      for (let index = 0; index < calls; index++) {
        for (const mode of MODES) {
          const { store, arm } = armedStore(initial, mode);
          const result = await path.run(store, () => arm(index));
          const state = await read(store.dump());
          const which = JSON.stringify(state) === JSON.stringify(oldState) ? 'old' : JSON.stringify(state) === JSON.stringify(newState) ? 'new' : 'MIXED';
          expect(`${path.name} call ${index} ${mode}: ${which}`).not.toContain('MIXED');
          // A reported success is durable.
          if (result.ok) expect(which).toBe('new');
          seen.add(which);
        }
      }
      // The fault points really cover both outcomes (before and after the pointer flip).
      expect([...seen].sort()).toEqual(['new', 'old']);
    });
  }

  it('after any failed write, the next write succeeds and sweeps leftover records', async () => {
    const initial = await baseVault();
    for (let index = 0; index < 6; index++) {
      for (const mode of MODES) {
        const { store, arm } = armedStore(initial, mode);
        const vault = must(await unlockVault(makeDeps(store), PASSWORD));
        arm(index);
        await vault.put([account('c'), account('d')], vault.revision);
        const fresh = reopen(store);
        const again = must(await unlockVault(makeDeps(fresh), PASSWORD));
        must(await again.put([account('e')], again.revision));
        assertNoOrphans(fresh.dump());
        const ids = (await contents(again)).map((e) => e.id);
        expect(ids).toContain('e');
        expect(ids.filter((id) => id === 'a' || id === 'b')).toEqual(['a', 'b']);
      }
    }
  });

  it('sync push: a fault at any call leaves the previous synced copy or the new one', async () => {
    const older = remoteReplica;
    const local = must(await must(await unlockVault(makeDeps(new MemoryStore({ initial: await baseVault() })), PASSWORD)).replica());
    const seed = new MemoryStore();
    must(await pushReplica(seed, older));
    const initial = seed.dump();
    const clean = new MemoryStore({ initial });
    must(await pushReplica(clean, local));
    const calls = clean.log.length;
    const seen = new Set<string>();
    for (let index = 0; index < calls; index++) {
      for (const mode of MODES) {
        const store = new MemoryStore({ initial, failOn: (_op, i) => (i === index ? mode : false) });
        const pushed = await pushReplica(store, local);
        const pulled = must(await pullReplica(new MemoryStore({ initial: store.dump() })));
        const which = JSON.stringify(pulled) === JSON.stringify(older) ? 'old' : JSON.stringify(pulled) === JSON.stringify(local) ? 'new' : 'MIXED';
        expect(`push call ${index} ${mode}: ${which}`).not.toContain('MIXED');
        if (pushed.ok) expect(which).toBe('new');
        seen.add(which);
      }
    }
    expect([...seen].sort()).toEqual(['new', 'old']);
  });

  it('destroy after export: a fault leaves the whole vault or no vault', async () => {
    const initial = await baseVault();
    const exported = must(await exportRawVault(new MemoryStore({ initial }))).text;
    const clean = new MemoryStore({ initial });
    must(await destroyVaultAfterExport(clean, exported));
    expect(await vaultStatus({ store: clean })).toEqual({ state: 'none' });
    for (let index = 0; index < clean.log.length; index++) {
      for (const mode of MODES) {
        const store = new MemoryStore({ initial, failOn: (_op, i) => (i === index ? mode : false) });
        await destroyVaultAfterExport(store, exported);
        const state = await stateOf(store.dump());
        if (state !== 'none') expect(state.map((e) => e.id)).toEqual(['a', 'b']);
      }
    }
  });
});
