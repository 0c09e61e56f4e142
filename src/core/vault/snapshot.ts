import { err, ok, type Result } from '../result';
import { type VaultError, vaultError } from './errors';
import {
  type Head,
  type HeadEntry,
  parseWith,
  recordKey,
  type SealedBox,
  sealedBoxSchema,
  type SnapshotEntry,
  type VaultSnapshot,
} from './format';
import { readHead } from './head';
import type { KeyValueStore } from './ports';
import type { CommitPlan } from './commit';

export interface StoredSnapshot {
  head: Head;
  snapshot: VaultSnapshot;
  /** Entry ids whose record is missing or malformed (left out of `snapshot`). */
  unreadable: string[];
}

/** The whole encrypted vault as stored, records inline; needs no key. */
export async function readSnapshot(store: KeyValueStore): Promise<Result<StoredSnapshot | null, VaultError>> {
  const read = await readHead(store);
  if (!read.ok || read.value === null) return read as Result<null, VaultError>;
  const head = read.value;
  const ids = Object.keys(head.entries);
  let records: Record<string, unknown>;
  try {
    records = ids.length === 0 ? {} : await store.get(ids.map((id) => head.entries[id]!.record));
  } catch (cause) {
    return err(vaultError.storage('read', cause));
  }
  const entries: Record<string, SnapshotEntry> = {};
  const unreadable: string[] = [];
  for (const id of ids) {
    const entry = head.entries[id]!;
    const box = Object.hasOwn(records, entry.record) ? parseWith(sealedBoxSchema, records[entry.record]) : null;
    if (box === null || !box.ok) {
      unreadable.push(id);
      continue;
    }
    entries[id] = { v: entry.v, u: entry.u, d: entry.d, name: entry.name, data: box.value };
  }
  const snapshot: VaultSnapshot = {
    format: head.format,
    vaultId: head.vaultId,
    keyring: head.keyring,
    entries,
    tombstones: head.tombstones,
  };
  return ok({ head, snapshot, unreadable });
}

const sameBox = (a: SealedBox, b: SealedBox): boolean => a.n === b.n && a.c === b.c;

/**
 * Turns a snapshot into a commit plan against the current head: entries whose stamp and name are
 * unchanged keep their stored record; every other entry gets a new record in this generation.
 */
export function planFromSnapshot(
  current: Head,
  snapshot: VaultSnapshot,
  generation: number,
  /** Ids whose local record was unreadable (so absent from the snapshot): kept as they are. */
  carryIds: readonly string[] = [],
): CommitPlan {
  const entries: Record<string, HeadEntry> = {};
  const records: Record<string, SealedBox> = {};
  let slot = 0;
  for (const [id, entry] of Object.entries(snapshot.entries)) {
    const existing = Object.hasOwn(current.entries, id) ? current.entries[id] : undefined;
    const unchanged =
      existing !== undefined &&
      existing.v === entry.v &&
      existing.u === entry.u &&
      existing.d === entry.d &&
      sameBox(existing.name, entry.name);
    let record: string;
    if (unchanged) {
      record = existing.record;
    } else {
      record = recordKey(generation, slot++);
      records[record] = entry.data;
    }
    entries[id] = { v: entry.v, u: entry.u, d: entry.d, name: entry.name, record };
  }
  for (const id of carryIds) {
    const kept = Object.hasOwn(current.entries, id) ? current.entries[id] : undefined;
    const decided = Object.hasOwn(entries, id) || Object.hasOwn(snapshot.tombstones, id);
    if (kept !== undefined && !decided) entries[id] = kept;
  }
  return {
    head: { vaultId: snapshot.vaultId, keyring: snapshot.keyring, entries, tombstones: { ...snapshot.tombstones } },
    records,
  };
}
