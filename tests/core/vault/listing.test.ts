// Listing an unlocked vault with damaged records: each reason with its message and the entry's name,
// the raw export that leaves unreadable records out by id, the head's format checks and the write queue.
import { describe, expect, it } from 'vitest';
import { exportRawVault } from '../../../src/core/vault/backup';
import { parseJson } from '../../../src/core/vault/entries';
import { HEAD_KEY, type Head } from '../../../src/core/vault/format';
import { readHead } from '../../../src/core/vault/head';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { serialize } from '../../../src/core/vault/queue';
import { aad, sealBox } from '../../../src/core/vault/seal';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import { account, crypto, makeDeps, must, seededRandom } from './helpers';

async function vaultWith(ids: string[]) {
  const store = new MemoryStore();
  const vault = must(await createVault(makeDeps(store), 'pw'));
  must(await vault.put(ids.map((id) => account(id)), vault.revision));
  const head = store.dump()[HEAD_KEY] as Head;
  const recordOf = (id: string) => head.entries[id]!.record;
  return { store, head, recordOf };
}

describe('listing damaged entries', () => {
  it('names each damage by its reason and message and still opens the rest', async () => {
    const { store, head, recordOf } = await vaultWith(['ok', 'missing', 'malformed', 'altered', 'notjson']);
    const data = store.dump();
    delete data[recordOf('missing')];
    data[recordOf('malformed')] = { n: 'AAAA' };
    data[recordOf('altered')] = { ...(data[recordOf('altered')] as object), c: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    // A record that decrypts but holds no JSON: seal "{oops" under the vault key with the right AD.
    const key = await crypto.importAeadKey(must(await must(await unlockVault(makeDeps(new MemoryStore({ initial: store.dump() })), 'pw')).exportSessionKey()), false);
    data[recordOf('notjson')] = await sealBox(crypto, seededRandom(3), key, new TextEncoder().encode('{oops'), aad.entryData(1, head.vaultId, 'notjson'));
    const vault = must(await unlockVault(makeDeps(new MemoryStore({ initial: data })), 'pw'));
    const listing = must(await vault.entries());
    expect(listing.ok.map((entry) => entry.id)).toEqual(['ok']);
    expect(listing.revision).toBe(head.revision);
    expect(listing.damaged).toEqual([
      { id: 'missing', name: 'Account missing', reason: 'record-missing', message: '"Account missing": its stored record is missing' },
      {
        id: 'malformed',
        name: 'Account malformed',
        reason: 'record-unreadable',
        message: expect.stringMatching(/^"Account malformed": its stored record is malformed \(c: .+\)$/),
      },
      {
        id: 'altered',
        name: 'Account altered',
        reason: 'authentication-failed',
        message: '"Account altered": its stored record was altered or damaged and cannot be decrypted',
      },
      { id: 'notjson', name: 'Account notjson', reason: 'invalid-json', message: '"Account notjson": decrypted but is not valid data' },
    ]);
  });

  it('names an entry by its id when its sealed name is damaged too', async () => {
    const { store, head, recordOf } = await vaultWith(['x']);
    const data = store.dump();
    delete data[recordOf('x')];
    (data[HEAD_KEY] as Head).entries.x!.name = { ...head.entries.x!.name, c: 'AAAAAAAAAAAAAAAAAAAAAA==' };
    const vault = must(await unlockVault(makeDeps(new MemoryStore({ initial: data })), 'pw'));
    expect(must(await vault.entries()).damaged).toMatchObject([{ id: 'x', name: 'x', reason: 'record-missing' }]);
  });

  it('lists an empty vault without reading any record', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    const reads = store.log.length;
    expect(must(await vault.entries())).toEqual({ revision: vault.revision, ok: [], damaged: [] });
    expect(store.log.slice(reads).map((call) => call.op)).toEqual(['get']); // the head only
  });

  it('reports a store that cannot be read', async () => {
    const { store } = await vaultWith(['a']);
    let gets = 0;
    const flaky = new MemoryStore({ initial: store.dump(), failOn: (op) => op === 'get' && ++gets === 3 });
    const vault = must(await unlockVault(makeDeps(flaky), 'pw'));
    expect(await vault.entries()).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(/^storage read failed: /) } });
  });

  it('exports the raw vault without unreadable records, listing them by id', async () => {
    const { store, recordOf } = await vaultWith(['a', 'b']);
    const data = store.dump();
    delete data[recordOf('b')];
    const raw = must(await exportRawVault(new MemoryStore({ initial: data })));
    expect(raw.unreadableIds).toEqual(['b']);
    expect(Object.keys(JSON.parse(raw.text).vault.entries)).toEqual(['a']);
  });
});

describe('parseJson', () => {
  it('tells invalid UTF-8 from invalid JSON', () => {
    expect(parseJson(null)).toEqual({ ok: false, error: 'not UTF-8' });
    expect(parseJson('{')).toEqual({ ok: false, error: 'not JSON' });
    expect(parseJson('[1]')).toEqual({ ok: true, value: [1] });
  });
});

describe('readHead', () => {
  it('tells a newer layout from a damaged header', async () => {
    expect(await readHead(new MemoryStore({ initial: { [HEAD_KEY]: { format: 2, layout: 'new' } } }))).toEqual({
      ok: false,
      error: {
        code: 'unsupported-format',
        format: 2,
        message: 'this vault was written by a newer version of OTP Guard (format 2) in a layout this version cannot read; update the extension',
      },
    });
    expect(await readHead(new MemoryStore({ initial: { [HEAD_KEY]: { format: 1 } } }))).toMatchObject({
      ok: false,
      error: { code: 'corrupt-header', message: expect.stringMatching(/^the vault header is damaged \(.+\)$/) },
    });
    expect(await readHead(new MemoryStore({ initial: { [HEAD_KEY]: 'garbage' } }))).toMatchObject({ ok: false, error: { code: 'corrupt-header' } });
    expect(await readHead(new MemoryStore())).toEqual({ ok: true, value: null });
    expect(await readHead(new MemoryStore({ failOn: () => true }))).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
  });
});

describe('serialize', () => {
  it('runs tasks on one lock one at a time, in order, even after a failure', async () => {
    const lock = {};
    const order: string[] = [];
    let release!: () => void;
    const first = serialize(lock, async () => {
      order.push('first start');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first end');
      throw new Error('first failed');
    });
    const second = serialize(lock, async () => {
      order.push('second');
      return 2;
    });
    const other = serialize({}, async () => {
      order.push('other lock');
      return 3;
    });
    await other;
    await Promise.resolve();
    release();
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
    expect(order).toEqual(['first start', 'other lock', 'first end', 'second']);
  });
});
