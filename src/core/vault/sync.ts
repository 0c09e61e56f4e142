import { err, ok, type Result } from '../result';
import { type VaultError, vaultError } from './errors';
import { FORMAT_VERSION, parseSnapshot, type SnapshotEntry, type Stamp, type VaultSnapshot } from './format';
import { itemBytes, isQuotaError, type KeyValueStore } from './ports';
import { canonicalJson } from './backup';

/** Chromium's storage.sync limits (Firefox uses the same numbers). */
export const SYNC_LIMITS = { quotaBytes: 102_400, perItemBytes: 8_192, maxItems: 512 } as const;

export const SYNC_PREFIX = 'otpg/';
export const SYNC_META_KEY = 'otpg/meta';
export const syncChunkKey = (slot: SyncSlot, index: number): string => `${SYNC_PREFIX}${slot}/${index}`;

type SyncSlot = 'a' | 'b';

export interface SyncMeta {
  format: number;
  vaultId: string;
  /** Bumped on every push; each chunk starts with it, so a half-synced set is detected. */
  generation: number;
  slot: SyncSlot;
  chunks: number;
  length: number;
}

export interface MergeResult {
  merged: VaultSnapshot;
  /** The merged vault differs from the local one (write it locally). */
  localChanged: boolean;
  /** The merged vault differs from the remote one (push it). */
  remoteChanged: boolean;
}

/** Orders versions: last writer wins by (updatedAt, deviceId), then the counter. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.u !== b.u) return a.u < b.u ? -1 : 1;
  if (a.d !== b.d) return a.d < b.d ? -1 : 1;
  return a.v - b.v;
}

function newerEntry(a: SnapshotEntry | undefined, b: SnapshotEntry | undefined): SnapshotEntry | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const order = compareStamps(a, b);
  if (order !== 0) return order > 0 ? a : b;
  // Same stamp, different bytes can only come from tampering or a bug: pick deterministically.
  return a.data.c >= b.data.c ? a : b;
}

function newerStamp(a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareStamps(a, b) >= 0 ? a : b;
}

const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * Entry-level merge of two encrypted replicas; needs no key. Per id the newest version wins;
 * a tombstone wins only over strictly older versions, so an edit concurrent with a delete survives.
 */
export function mergeReplicas(local: VaultSnapshot, remote: VaultSnapshot): Result<MergeResult, VaultError> {
  if (local.vaultId !== remote.vaultId) {
    return err({ code: 'different-vault', message: 'the synced vault is a different vault; nothing was merged' });
  }
  if (remote.format > FORMAT_VERSION) return err(vaultError.readOnly(remote.format));
  const ids = new Set([
    ...Object.keys(local.entries),
    ...Object.keys(local.tombstones),
    ...Object.keys(remote.entries),
    ...Object.keys(remote.tombstones),
  ]);
  const entries: Record<string, SnapshotEntry> = {};
  const tombstones: Record<string, Stamp> = {};
  for (const id of [...ids].sort()) {
    const entry = newerEntry(own(local.entries, id), own(remote.entries, id));
    const tombstone = newerStamp(own(local.tombstones, id), own(remote.tombstones, id));
    if (entry !== undefined && (tombstone === undefined || compareStamps(tombstone, entry) <= 0)) entries[id] = entry;
    else if (tombstone !== undefined) tombstones[id] = tombstone;
  }
  const keyring = compareStamps({ ...remote.keyring, v: 0 }, { ...local.keyring, v: 0 }) > 0 ? remote.keyring : local.keyring;
  const merged: VaultSnapshot = { format: FORMAT_VERSION, vaultId: local.vaultId, keyring, entries, tombstones };
  return ok({
    merged,
    localChanged: !sameContent(merged, local),
    remoteChanged: !sameContent(merged, remote),
  });
}

function sameContent(a: VaultSnapshot, b: VaultSnapshot): boolean {
  const body = (s: VaultSnapshot) => canonicalJson({ keyring: s.keyring, entries: s.entries, tombstones: s.tombstones });
  return body(a) === body(b);
}

/** Splits text so every item (key + JSON of the value) fits the per-item quota. */
export function chunkText(text: string, keyFor: (index: number) => string, prefix: string, perItemBytes: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let cost = itemBytes(keyFor(0), prefix);
  for (const char of text) {
    const charCost = (JSON.stringify(char)?.length ?? 2) - 2;
    if (cost + charCost > perItemBytes) {
      chunks.push(current);
      current = '';
      cost = itemBytes(keyFor(chunks.length), prefix);
    }
    current += char;
    cost += charCost;
  }
  chunks.push(current);
  return chunks;
}

export interface SyncWritePlan {
  meta: SyncMeta;
  chunks: Record<string, string>;
}

/** Pure: lays a replica out as chunk items in the slot the current meta does NOT point to. */
export function planSyncWrite(snapshot: VaultSnapshot, previous: SyncMeta | null): Result<SyncWritePlan, VaultError> {
  const text = JSON.stringify(snapshot);
  // Replicas are ASCII by construction (ids, base64, numbers); anything else is refused, not mis-measured.
  if (!/^[\x20-\x7e]*$/.test(text)) return err(vaultError.invalid('snapshot', 'replica text must be ASCII'));
  const slot: SyncSlot = previous?.slot === 'a' ? 'b' : 'a';
  const generation = (previous?.generation ?? 0) + 1;
  const prefix = `${generation}|`;
  const pieces = chunkText(text, (i) => syncChunkKey(slot, i), prefix, SYNC_LIMITS.perItemBytes);
  const chunks: Record<string, string> = {};
  pieces.forEach((piece, index) => {
    chunks[syncChunkKey(slot, index)] = prefix + piece;
  });
  const meta: SyncMeta = { format: FORMAT_VERSION, vaultId: snapshot.vaultId, generation, slot, chunks: pieces.length, length: text.length };
  return ok({ meta, chunks });
}

function parseMeta(value: unknown): SyncMeta | null {
  if (typeof value !== 'object' || value === null) return null;
  const meta = value as Partial<SyncMeta>;
  const isCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!isCount(meta.format) || !isCount(meta.generation) || !isCount(meta.chunks) || !isCount(meta.length)) return null;
  if (meta.slot !== 'a' && meta.slot !== 'b') return null;
  if (typeof meta.vaultId !== 'string') return null;
  return meta as SyncMeta;
}

/**
 * Pushes a replica: chunks into the free slot, then the meta pointer, then the old slot is removed.
 * Refuses with quota-exceeded BEFORE writing when it would not fit.
 */
export async function pushReplica(syncStore: KeyValueStore, snapshot: VaultSnapshot): Promise<Result<SyncMeta, VaultError>> {
  try {
    const found = await syncStore.get([SYNC_META_KEY]);
    const previous = parseMeta(found[SYNC_META_KEY]);
    const planned = planSyncWrite(snapshot, previous);
    if (!planned.ok) return planned;
    const { meta, chunks } = planned.value;
    const keys = await syncStore.keys();
    const values = await syncStore.get(keys);
    const inNewSlot = (key: string) => key.startsWith(`${SYNC_PREFIX}${meta.slot}/`);
    let used = 0;
    let items = 0;
    for (const [key, value] of Object.entries(values)) {
      if (inNewSlot(key) || key === SYNC_META_KEY) continue;
      used += itemBytes(key, value);
      items += 1;
    }
    const chunkBytes = Object.entries(chunks).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    const neededBytes = used + chunkBytes + itemBytes(SYNC_META_KEY, meta);
    const quotaBytes = syncStore.quotaBytes ?? SYNC_LIMITS.quotaBytes;
    if (neededBytes > quotaBytes || items + meta.chunks + 1 > SYNC_LIMITS.maxItems) {
      return err({
        code: 'quota-exceeded',
        neededBytes,
        quotaBytes,
        message: `the synced copy needs ${neededBytes} bytes in ${meta.chunks + 1} items, more than sync storage allows; nothing was changed`,
      });
    }
    const stale = keys.filter((key) => inNewSlot(key) && !Object.hasOwn(chunks, key));
    if (stale.length > 0) await syncStore.remove(stale);
    await syncStore.set(chunks);
    await syncStore.set({ [SYNC_META_KEY]: meta });
    const oldSlot = keys.filter((key) => key.startsWith(SYNC_PREFIX) && key !== SYNC_META_KEY && !inNewSlot(key));
    try {
      if (oldSlot.length > 0) await syncStore.remove(oldSlot);
    } catch {
      // Committed already; the next push clears it.
    }
    return ok(meta);
  } catch (cause) {
    if (isQuotaError(cause)) {
      return err({ code: 'quota-exceeded', neededBytes: 0, quotaBytes: syncStore.quotaBytes ?? SYNC_LIMITS.quotaBytes, message: 'sync storage is full; the synced copy was not changed' });
    }
    return err(vaultError.storage('sync write', cause));
  }
}

/** Reads the replica the meta points to; `sync-incomplete` while chunks are still arriving from another device. */
export async function pullReplica(syncStore: KeyValueStore): Promise<Result<VaultSnapshot | null, VaultError>> {
  try {
    const found = await syncStore.get([SYNC_META_KEY]);
    if (!Object.hasOwn(found, SYNC_META_KEY)) return ok(null);
    const meta = parseMeta(found[SYNC_META_KEY]);
    if (meta === null) return err({ code: 'sync-incomplete', message: 'the synced copy has no valid pointer yet' });
    const keys = Array.from({ length: meta.chunks }, (_, i) => syncChunkKey(meta.slot, i));
    const chunks = await syncStore.get(keys);
    const prefix = `${meta.generation}|`;
    let text = '';
    for (const key of keys) {
      const chunk = chunks[key];
      if (typeof chunk !== 'string' || !chunk.startsWith(prefix)) {
        return err({ code: 'sync-incomplete', message: 'the synced copy is still arriving (or damaged); try again later' });
      }
      text += chunk.slice(prefix.length);
    }
    if (text.length !== meta.length) return err({ code: 'sync-incomplete', message: 'the synced copy has the wrong length' });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return err({ code: 'sync-incomplete', message: 'the synced copy is not valid JSON' });
    }
    const snapshot = parseSnapshot(json);
    if (!snapshot.ok) return err({ code: 'sync-incomplete', message: `the synced copy is malformed (${snapshot.error.message})` });
    return ok(snapshot.value);
  } catch (cause) {
    return err(vaultError.storage('sync read', cause));
  }
}
