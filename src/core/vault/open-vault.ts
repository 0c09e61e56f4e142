import type { AeadKey } from '../ports';
import { err, ok, type Result } from '../result';
import { utf8, wipe } from './bytes';
import { type CommitPlan, commit } from './commit';
import type { VaultDeps } from './deps';
import { type EntryListing, listEntries } from './entries';
import { type VaultError, vaultError } from './errors';
import {
  FORMAT_VERSION,
  type Head,
  type HeadEntry,
  ID_PATTERN,
  MAX_NAME_LENGTH,
  recordKey,
  type SealedBox,
  type Stamp,
  type VaultSnapshot,
} from './format';
import { isNewerFormat, readHead } from './head';
import { checkKdfParams, PRODUCTION_FLOOR, PRODUCTION_KDF } from './kdf';
import { buildKeyring, DEFAULT_DEVICE_ID, keyMatches, unwrapVaultKey } from './keyring';
import { aad, sealBox } from './seal';
import { chargeAttempt, settleAttempt, type ThrottleState } from './throttle';
import { exportBackupText, type InspectedBackup, planRestore, type RestoreMode, type RestoreReport } from './backup';
import { mergeReplicas } from './sync';
import { planFromSnapshot, readSnapshot } from './snapshot';

export interface EntryChange {
  id: string;
  /** Display name, sealed separately so a damaged entry can still be reported by name. */
  name: string;
  /** Any JSON value; the vault seals JSON.stringify(data). */
  data: unknown;
}

export interface WriteOutcome {
  revision: number;
}

export interface OpenVault {
  readonly vaultId: string;
  /** Revision of the head this view last read or wrote. */
  readonly revision: number;
  readonly readOnly: boolean;
  entries(): Promise<Result<EntryListing, VaultError>>;
  put(changes: EntryChange[], expectedRevision: number): Promise<Result<WriteOutcome, VaultError>>;
  remove(ids: string[], expectedRevision: number): Promise<Result<WriteOutcome, VaultError>>;
  changePassword(current: string, next: string): Promise<Result<WriteOutcome, VaultError>>;
  /** One-shot: raw vault key bytes for storage.session, available once after unlock/create. */
  exportSessionKey(): Promise<Result<Uint8Array, VaultError>>;
  /** Backup file text. No password: the vault as stored. With one: re-sealed under a fresh key. */
  exportBackup(password?: string): Promise<Result<BackupExport, VaultError>>;
  restore(
    backup: InspectedBackup,
    mode: RestoreMode,
    expectedRevision: number,
    isDuplicate?: (existing: unknown, incoming: unknown) => boolean,
  ): Promise<Result<RestoreReport, VaultError>>;
  /** The encrypted vault for sync (ciphertext and stamps only). */
  replica(): Promise<Result<VaultSnapshot, VaultError>>;
  /** Merges a remote replica into this vault in one generation flip. */
  mergeRemote(remote: VaultSnapshot, expectedRevision: number): Promise<Result<MergeOutcome, VaultError>>;
}

export interface BackupExport {
  text: string;
  /** Entries left out because they could not be read (listed by name). */
  omitted: { id: string; name: string }[];
}

export interface MergeOutcome extends WriteOutcome {
  /** True when the merged vault differs from the remote one (push it back). */
  remoteIsBehind: boolean;
}

export class UnlockedVault implements OpenVault {
  private head: Head;

  constructor(
    private readonly deps: VaultDeps,
    head: Head,
    private readonly key: AeadKey,
    /** Extractable twin of `key`, kept only until the session blob is exported once. */
    private exportable: AeadKey | null,
  ) {
    this.head = head;
  }

  get vaultId(): string {
    return this.head.vaultId;
  }
  get revision(): number {
    return this.head.revision;
  }
  get readOnly(): boolean {
    return isNewerFormat(this.head);
  }

  private get device(): string {
    return this.deps.deviceId ?? DEFAULT_DEVICE_ID;
  }

  private async freshHead(): Promise<Result<Head, VaultError>> {
    const read = await readHead(this.deps.store);
    if (!read.ok) return read;
    if (read.value === null) return err({ code: 'no-vault', message: 'the vault no longer exists' });
    if (read.value.vaultId !== this.head.vaultId) {
      return err({ code: 'vault-replaced', message: 'the stored vault is not the one that was unlocked' });
    }
    this.head = read.value;
    return ok(read.value);
  }

  async entries(): Promise<Result<EntryListing, VaultError>> {
    const head = await this.freshHead();
    if (!head.ok) return head;
    return listEntries(this.deps.store, this.deps.crypto, this.key, head.value);
  }

  /** Every mutation goes through here: read-only check, revision check, one generation flip. */
  private async write(
    expectedRevision: number,
    build: (current: Head, generation: number) => Promise<Result<CommitPlan | 'unchanged', VaultError>>,
  ): Promise<Result<Head, VaultError>> {
    if (this.readOnly) return err(vaultError.readOnly(this.head.format));
    const committed = await commit(this.deps.store, {
      expectedRevision,
      vaultId: this.head.vaultId,
      build: async (current, generation) =>
        current === null ? err({ code: 'no-vault', message: 'the vault no longer exists' }) : build(current, generation),
    });
    if (committed.ok) this.head = committed.value;
    else if (committed.error.code === 'read-only-newer-version') await this.freshHead();
    return committed;
  }

  /** Seals `puts` into new records of this generation and tombstones `removals`. */
  private async buildChanges(
    current: Head,
    generation: number,
    puts: EntryChange[],
    removals: string[],
  ): Promise<CommitPlan | 'unchanged'> {
    const entries: Record<string, HeadEntry> = { ...current.entries };
    const tombstones: Record<string, Stamp> = { ...current.tombstones };
    const records: Record<string, SealedBox> = {};
    const now = this.deps.clock.now();
    let changed = false;
    for (const id of removals) {
      const entry = Object.hasOwn(entries, id) ? entries[id] : undefined;
      if (entry === undefined) continue;
      tombstones[id] = { v: entry.v + 1, u: now, d: this.device };
      delete entries[id];
      changed = true;
    }
    let slot = 0;
    for (const change of puts) {
      const previous = Object.hasOwn(entries, change.id) ? entries[change.id] : tombstones[change.id];
      const vaultId = current.vaultId;
      const plaintext = utf8(JSON.stringify(change.data));
      const data = await sealBox(this.deps.crypto, this.deps.random, this.key, plaintext, aad.entryData(FORMAT_VERSION, vaultId, change.id));
      wipe(plaintext);
      const nameBytes = utf8(change.name);
      const name = await sealBox(this.deps.crypto, this.deps.random, this.key, nameBytes, aad.entryName(FORMAT_VERSION, vaultId, change.id));
      const record = recordKey(generation, slot++);
      records[record] = data;
      entries[change.id] = { v: (previous?.v ?? 0) + 1, u: now, d: this.device, record, name };
      delete tombstones[change.id];
      changed = true;
    }
    if (!changed) return 'unchanged';
    return { head: { vaultId: current.vaultId, keyring: current.keyring, entries, tombstones }, records };
  }

  async put(changes: EntryChange[], expectedRevision: number): Promise<Result<WriteOutcome, VaultError>> {
    const invalid = validateChanges(changes);
    if (invalid !== null) return err(invalid);
    const written = await this.write(expectedRevision, async (current, generation) =>
      ok(await this.buildChanges(current, generation, changes, [])),
    );
    return written.ok ? ok({ revision: written.value.revision }) : written;
  }

  async remove(ids: string[], expectedRevision: number): Promise<Result<WriteOutcome, VaultError>> {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !ID_PATTERN.test(id))) {
      return err(vaultError.invalid('ids', 'must be valid entry ids'));
    }
    const written = await this.write(expectedRevision, async (current, generation) =>
      ok(await this.buildChanges(current, generation, [], ids)),
    );
    return written.ok ? ok({ revision: written.value.revision }) : written;
  }

  async changePassword(current: string, next: string): Promise<Result<WriteOutcome, VaultError>> {
    if (typeof next !== 'string' || next.length === 0) return err(vaultError.invalid('next', 'must not be empty'));
    const params = this.deps.kdf ?? PRODUCTION_KDF;
    const weak = checkKdfParams(params, this.deps.minimum ?? PRODUCTION_FLOOR);
    if (weak !== null) return err(weak);
    const throttleStore = this.deps.throttleStore ?? this.deps.store;
    // Charged right before the password is tried (a read-only or missing vault never gets that far).
    let before: ThrottleState | null = null;
    const fresh = await this.freshHead();
    if (!fresh.ok) return fresh;
    const written = await this.write(fresh.value.revision, async (head) => {
      const charged = await chargeAttempt(throttleStore, this.deps.clock);
      if (!charged.ok) return charged;
      before = charged.value;
      const unwrapped = await unwrapVaultKey(this.deps, head.vaultId, head.keyring, current);
      if (!unwrapped.ok) return unwrapped;
      const raw = unwrapped.value;
      const keyring = await buildKeyring(this.deps, head.vaultId, next, raw, this.key, params);
      wipe(raw);
      // The vault key itself is unchanged: re-wrapping touches no entry.
      return ok({ head: { vaultId: head.vaultId, keyring, entries: head.entries, tombstones: head.tombstones }, records: {} });
    });
    if (before !== null) {
      await settleAttempt(throttleStore, before, written.ok ? 'right' : written.error.code === 'wrong-password' ? 'wrong' : 'other');
    }
    return written.ok ? ok({ revision: written.value.revision }) : written;
  }

  async exportSessionKey(): Promise<Result<Uint8Array, VaultError>> {
    const exportable = this.exportable;
    this.exportable = null;
    if (exportable === null) {
      return err({ code: 'session-key-unavailable', message: 'the session key can be exported once, right after unlock' });
    }
    return ok(await this.deps.crypto.exportAeadKey(exportable));
  }

  async exportBackup(password?: string): Promise<Result<BackupExport, VaultError>> {
    return exportBackupText(this.deps, this.key, password);
  }

  async restore(
    backup: InspectedBackup,
    mode: RestoreMode,
    expectedRevision: number,
    isDuplicate?: (existing: unknown, incoming: unknown) => boolean,
  ): Promise<Result<RestoreReport, VaultError>> {
    const current = await this.entries();
    if (!current.ok) return current;
    if (current.value.revision !== expectedRevision) return err(vaultError.conflict(expectedRevision, current.value.revision));
    const plan = planRestore(current.value, backup, mode, this.deps.random, isDuplicate);
    if (plan.puts.length === 0 && plan.removeIds.length === 0) return ok({ ...plan.report, revision: expectedRevision });
    // Additions and removals land in ONE flip: a crash never leaves a half-replaced vault.
    const written = await this.write(expectedRevision, async (head, generation) =>
      ok(await this.buildChanges(head, generation, plan.puts, plan.removeIds)),
    );
    return written.ok ? ok({ ...plan.report, revision: written.value.revision }) : written;
  }

  async replica(): Promise<Result<VaultSnapshot, VaultError>> {
    const read = await readSnapshot(this.deps.store);
    if (!read.ok) return read;
    if (read.value === null) return err({ code: 'no-vault', message: 'the vault no longer exists' });
    return ok(read.value.snapshot);
  }

  async mergeRemote(remote: VaultSnapshot, expectedRevision: number): Promise<Result<MergeOutcome, VaultError>> {
    if (remote.vaultId !== this.head.vaultId) {
      return err({ code: 'different-vault', message: 'the synced vault is a different vault; it was not merged' });
    }
    if (!(await keyMatches(this.deps, remote.vaultId, remote.keyring, this.key))) {
      return err({ code: 'different-vault', message: 'the synced vault uses another vault key; it was not merged' });
    }
    let remoteIsBehind = false;
    const written = await this.write(expectedRevision, async (current, generation) => {
      const local = await readSnapshot(this.deps.store);
      if (!local.ok) return local;
      if (local.value === null) return err({ code: 'no-vault', message: 'the vault no longer exists' });
      const merged = mergeReplicas(local.value.snapshot, remote);
      if (!merged.ok) return merged;
      remoteIsBehind = merged.value.remoteChanged;
      if (!merged.value.localChanged) return ok('unchanged' as const);
      // A locally damaged entry is not in the snapshot: keep it (reported by name) unless the remote decided it.
      return ok(planFromSnapshot(current, merged.value.merged, generation, local.value.unreadable));
    });
    return written.ok ? ok({ revision: written.value.revision, remoteIsBehind }) : written;
  }
}

function validateChanges(changes: EntryChange[]): VaultError | null {
  if (!Array.isArray(changes) || changes.length === 0) return vaultError.invalid('changes', 'must list at least one entry');
  const seen = new Set<string>();
  for (const [index, change] of changes.entries()) {
    if (typeof change.id !== 'string' || !ID_PATTERN.test(change.id)) {
      return vaultError.invalid(`changes[${index}].id`, 'must match [A-Za-z0-9][A-Za-z0-9._:-]{0,63}');
    }
    if (seen.has(change.id)) return vaultError.invalid(`changes[${index}].id`, `duplicate id ${change.id}`);
    seen.add(change.id);
    if (typeof change.name !== 'string' || change.name.length > MAX_NAME_LENGTH) {
      return vaultError.invalid(`changes[${index}].name`, `must be a string of at most ${MAX_NAME_LENGTH} characters`);
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(change.data);
    } catch {
      json = undefined;
    }
    if (json === undefined) return vaultError.invalid(`changes[${index}].data`, 'must be a JSON value');
  }
  return null;
}
