import { err, ok, type Result } from '../result';
import { type VaultError, vaultError } from './errors';
import { FORMAT_VERSION, HEAD_KEY, type Head, RECORD_PREFIX, type SealedBox } from './format';
import { isNewerFormat, readHead } from './head';
import { isQuotaError, itemBytes, type KeyValueStore } from './ports';
import { serialize } from './queue';

export interface CommitPlan {
  /** The next head without format/generation/revision (the commit assigns them). */
  head: Pick<Head, 'vaultId' | 'keyring' | 'entries' | 'tombstones'>;
  /** New records to write first, keyed by their storage key (from `recordKey(generation, …)`). */
  records: Record<string, SealedBox>;
}

export interface CommitRequest {
  /** `null` = create: refuses when a vault exists. Otherwise the revision the caller last saw. */
  expectedRevision: number | null;
  /** The vault the caller has open; refuses when the store now holds another one. */
  vaultId: string | null;
  build: (current: Head | null, generation: number) => Promise<Result<CommitPlan | 'unchanged', VaultError>>;
}

/**
 * The generation protocol. (1) write the new generation's records under keys no head references,
 * (2) replace the one head key (the commit point), (3) sweep records no head references.
 * A crash before (2) leaves the old head and its untouched records; after (2) the new one.
 */
export function commit(store: KeyValueStore, request: CommitRequest): Promise<Result<Head, VaultError>> {
  return serialize(store, () => commitNow(store, request));
}

async function commitNow(store: KeyValueStore, request: CommitRequest): Promise<Result<Head, VaultError>> {
  const read = await readHead(store);
  if (!read.ok) return read;
  const current = read.value;
  if (request.expectedRevision === null) {
    if (current !== null) return err({ code: 'vault-exists', message: 'a vault already exists; it was left untouched' });
  } else {
    if (current === null) return err({ code: 'no-vault', message: 'the vault no longer exists' });
    if (current.vaultId !== request.vaultId) {
      return err({ code: 'vault-replaced', message: 'the stored vault is not the one that was unlocked; lock and unlock again' });
    }
    if (isNewerFormat(current)) return err(vaultError.readOnly(current.format));
    if (current.revision !== request.expectedRevision) {
      return err(vaultError.conflict(request.expectedRevision, current.revision));
    }
  }
  const generation = (current?.generation ?? 0) + 1;
  const planned = await request.build(current, generation);
  if (!planned.ok) return planned;
  if (planned.value === 'unchanged' && current !== null) return ok(current);
  if (planned.value === 'unchanged') return err(vaultError.invalid('changes', 'nothing to write'));
  const plan = planned.value;
  const next: Head = {
    format: FORMAT_VERSION,
    vaultId: plan.head.vaultId,
    generation,
    revision: (current?.revision ?? 0) + 1,
    keyring: plan.head.keyring,
    entries: plan.head.entries,
    tombstones: plan.head.tombstones,
  };
  for (const entry of Object.values(next.entries)) {
    const referenced = Object.hasOwn(plan.records, entry.record) || isCarried(current, entry.record);
    if (!referenced) return err(vaultError.invalid('entries', `record ${entry.record} is neither new nor kept`));
  }

  const quota = await checkQuota(store, current, next, plan.records);
  if (quota !== null) return err(quota);

  try {
    if (Object.keys(plan.records).length > 0) await store.set(plan.records);
    await store.set({ [HEAD_KEY]: next });
  } catch (cause) {
    if (isQuotaError(cause)) {
      return err({
        code: 'quota-exceeded',
        neededBytes: 0,
        quotaBytes: store.quotaBytes ?? 0,
        message: 'storage is full: nothing was changed',
      });
    }
    return err(vaultError.storage('write', cause));
  }
  await sweepUnreferenced(store, next);
  return ok(next);
}

function isCarried(current: Head | null, record: string): boolean {
  if (current === null) return false;
  return Object.values(current.entries).some((entry) => entry.record === record);
}

async function checkQuota(
  store: KeyValueStore,
  current: Head | null,
  next: Head,
  records: Record<string, SealedBox>,
): Promise<VaultError | null> {
  const quotaBytes = store.quotaBytes;
  if (quotaBytes === undefined) return null;
  let used: number;
  try {
    used = store.bytesInUse ? await store.bytesInUse() : await estimateUsage(store);
  } catch (cause) {
    return vaultError.storage('measure', cause);
  }
  // Both generations coexist until the sweep, so superseded records still count.
  let added = itemBytes(HEAD_KEY, next) - (current === null ? 0 : itemBytes(HEAD_KEY, current));
  for (const [key, box] of Object.entries(records)) added += itemBytes(key, box);
  const neededBytes = used + added;
  if (neededBytes <= quotaBytes) return null;
  return {
    code: 'quota-exceeded',
    neededBytes,
    quotaBytes,
    message: `storage is full: this change needs ${neededBytes} bytes of ${quotaBytes}; nothing was changed or dropped`,
  };
}

async function estimateUsage(store: KeyValueStore): Promise<number> {
  const keys = await store.keys();
  const values = await store.get(keys);
  return Object.entries(values).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

/** Removes records of earlier generations (and of failed attempts). Failure is harmless: retried next time. */
export async function sweepUnreferenced(store: KeyValueStore, head: Head | null): Promise<void> {
  try {
    const referenced = new Set(head === null ? [] : Object.values(head.entries).map((entry) => entry.record));
    const garbage = (await store.keys()).filter((key) => key.startsWith(RECORD_PREFIX) && !referenced.has(key));
    if (garbage.length > 0) await store.remove(garbage);
  } catch {
    // The write itself is committed; leftovers are swept by the next write.
  }
}
