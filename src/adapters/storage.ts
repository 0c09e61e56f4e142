import type { Storage } from 'webextension-polyfill';
import { type KeyValueStore, isQuotaError, itemBytes, QuotaExceededError } from '../core/vault/ports';

export interface BrowserStoreOptions {
  /** Overrides the area's own QUOTA_BYTES (e.g. undefined for storage.local with unlimitedStorage). */
  quotaBytes?: number;
}

/** Browsers report a full area with an Error whose message mentions the quota; give it a type. */
async function mapQuota<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    if (isQuotaError(cause)) {
      throw new QuotaExceededError(cause instanceof Error ? cause.message : String(cause), { cause });
    }
    throw cause;
  }
}

/** A KeyValueStore over storage.local / storage.session / storage.sync. */
export function browserKeyValueStore(area: Storage.StorageArea, options: BrowserStoreOptions = {}): KeyValueStore {
  const areaQuota = (area as Storage.StorageArea & { QUOTA_BYTES?: unknown }).QUOTA_BYTES;
  const quotaBytes = 'quotaBytes' in options ? options.quotaBytes : typeof areaQuota === 'number' ? areaQuota : undefined;
  const store: KeyValueStore = {
    async get(keys) {
      // An empty list must not turn into "everything" in any implementation.
      if (keys.length === 0) return {};
      return area.get(keys);
    },
    set: (items) => mapQuota(() => area.set(items)),
    async remove(keys) {
      if (keys.length > 0) await area.remove(keys);
    },
    async keys() {
      // getKeys is recent (Chrome 130); get(null) works everywhere.
      return Object.keys(await area.get(null));
    },
  };
  if (quotaBytes !== undefined) store.quotaBytes = quotaBytes;
  store.bytesInUse = async () => {
    try {
      return await area.getBytesInUse(null);
    } catch {
      // Not every browser implements getBytesInUse on every area: count the way Chrome does.
      const all = await area.get(null);
      return Object.entries(all).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    }
  };
  return store;
}
