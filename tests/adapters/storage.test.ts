import { fakeBrowser } from '@webext-core/fake-browser';
import type { Storage } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { browserKeyValueStore } from '../../src/adapters/storage';
import { QuotaExceededError } from '../../src/core/vault/ports';

const local = fakeBrowser.storage.local as unknown as Storage.StorageArea;

describe('browserKeyValueStore', () => {
  it('gets, sets, lists and removes JSON values', async () => {
    const store = browserKeyValueStore(local);
    await store.set({ a: 'x', b: { n: 1 } });
    expect(await store.get(['a', 'b', 'missing'])).toEqual({ a: 'x', b: { n: 1 } });
    expect((await store.keys()).sort()).toEqual(['a', 'b']);
    await store.remove(['a']);
    expect(await store.get(['a', 'b'])).toEqual({ b: { n: 1 } });
    expect(await store.get([])).toEqual({});
    expect(await store.bytesInUse?.()).toBeGreaterThan(0);
  });

  it('maps a browser quota error to QuotaExceededError', async () => {
    const full = {
      ...local,
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    } as unknown as Storage.StorageArea;
    const store = browserKeyValueStore(full, { quotaBytes: 100 });
    await expect(store.set({ a: 1 })).rejects.toBeInstanceOf(QuotaExceededError);
    expect(store.quotaBytes).toBe(100);
  });

  it('passes other errors through unchanged', async () => {
    const broken = {
      ...local,
      set: async () => {
        throw new Error('IO error');
      },
    } as unknown as Storage.StorageArea;
    const store = browserKeyValueStore(broken);
    await expect(store.set({ a: 1 })).rejects.toThrow('IO error');
  });

  it("reads the area's QUOTA_BYTES", () => {
    const sync = { ...local, QUOTA_BYTES: 102400 } as unknown as Storage.StorageArea;
    expect(browserKeyValueStore(sync).quotaBytes).toBe(102400);
  });
});
