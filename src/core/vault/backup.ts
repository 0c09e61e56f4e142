import * as v from 'valibot';
import type { AeadKey, RandomSource } from '../ports';
import { err, ok, type Result } from '../result';
import { fromUtf8, randomId, toBase64Url, utf8, wipe } from './bytes';
import type { VaultDeps } from './deps';
import { type EntryListing, listEntries, openName, parseJson } from './entries';
import { type VaultError, vaultError } from './errors';
import {
  FORMAT_VERSION,
  HEAD_KEY,
  ID_PATTERN,
  parseWith,
  RECORD_PREFIX,
  type SnapshotEntry,
  snapshotSchema,
  type VaultSnapshot,
} from './format';
import { readHead } from './head';
import { KEY_BYTES, PRODUCTION_FLOOR, PRODUCTION_KDF } from './kdf';
import { buildKeyring, checkKeyringKdf, keyMatches, unwrapVaultKey } from './keyring';
import type { KeyValueStore } from './ports';
import { aad, openBox, sealBox } from './seal';
import { readSnapshot } from './snapshot';
import type { EntryChange } from './open-vault';

export const BACKUP_KIND = 'otp-guard-backup';
export const BACKUP_FORMAT = 1;

const backupSchema = v.looseObject({
  kind: v.literal(BACKUP_KIND),
  backupFormat: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.pipe(v.number(), v.minValue(0)),
  vault: snapshotSchema,
});

function backupText(snapshot: VaultSnapshot, exportedAt: number): string {
  return `${JSON.stringify({ kind: BACKUP_KIND, backupFormat: BACKUP_FORMAT, exportedAt, vault: snapshot }, null, 1)}\n`;
}

/**
 * The vault exactly as stored (still encrypted under its password), as a backup file: works
 * without the password, so "forgot my password — start over" can first keep the old vault.
 */
export async function exportRawVault(
  store: KeyValueStore,
  exportedAt = 0,
): Promise<Result<{ text: string; unreadableIds: string[] }, VaultError>> {
  const read = await readSnapshot(store);
  if (!read.ok) return read;
  if (read.value === null) return err({ code: 'no-vault', message: 'there is no vault to export' });
  return ok({ text: backupText(read.value.snapshot, exportedAt), unreadableIds: read.value.unreadable });
}

/** Called by OpenVault.exportBackup. */
export async function exportBackupText(
  deps: VaultDeps,
  key: AeadKey,
  password?: string,
): Promise<Result<{ text: string; omitted: { id: string; name: string }[] }, VaultError>> {
  if (password === undefined) {
    const raw = await exportRawVault(deps.store, deps.clock.now());
    if (!raw.ok) return raw;
    const head = await readHead(deps.store);
    const omitted = [];
    for (const id of raw.value.unreadableIds) {
      const name = head.ok && head.value !== null ? await openName(deps.crypto, key, head.value, id) : null;
      omitted.push({ id, name: name ?? id });
    }
    return ok({ text: raw.value.text, omitted });
  }
  if (password.length === 0) return err(vaultError.invalid('password', 'must not be empty'));
  const head = await readHead(deps.store);
  if (!head.ok) return head;
  if (head.value === null) return err({ code: 'no-vault', message: 'there is no vault to export' });
  const listing = await listEntries(deps.store, deps.crypto, key, head.value);
  if (!listing.ok) return listing;

  // A separate password gets a separate key: a weak backup password never exposes the live vault key.
  const vaultId = randomId(deps.random);
  const raw = deps.random.bytes(KEY_BYTES);
  const backupKey = await deps.crypto.importAeadKey(raw, false);
  const keyring = await buildKeyring(deps, vaultId, password, raw, backupKey, deps.kdf ?? PRODUCTION_KDF);
  wipe(raw);
  const entries: Record<string, SnapshotEntry> = {};
  for (const entry of listing.value.ok) {
    const stamp = head.value.entries[entry.id]!;
    const plaintext = utf8(JSON.stringify(entry.data));
    entries[entry.id] = {
      v: stamp.v,
      u: stamp.u,
      d: stamp.d,
      name: await sealBox(deps.crypto, deps.random, backupKey, utf8(entry.name), aad.entryName(FORMAT_VERSION, vaultId, entry.id)),
      data: await sealBox(deps.crypto, deps.random, backupKey, plaintext, aad.entryData(FORMAT_VERSION, vaultId, entry.id)),
    };
    wipe(plaintext);
  }
  const snapshot: VaultSnapshot = { format: FORMAT_VERSION, vaultId, keyring, entries, tombstones: {} };
  const omitted = listing.value.damaged.map(({ id, name }) => ({ id, name }));
  return ok({ text: backupText(snapshot, deps.clock.now()), omitted });
}

export interface InspectedBackup {
  vaultId: string;
  exportedAt: number;
  entries: { id: string; name: string; data: unknown }[];
}

/**
 * The restore check: parses, checks KDF floors, unwraps, and decrypts and validates EVERY entry.
 * Any problem fails the whole inspection, so nothing is merged from a half-readable file.
 */
export async function inspectBackup(
  deps: Pick<VaultDeps, 'crypto' | 'minimum'> & Partial<VaultDeps>,
  fileText: string,
  password: string,
): Promise<Result<InspectedBackup, VaultError>> {
  const json = parseJson(typeof fileText === 'string' ? fileText : null);
  if (!json.ok) return err({ code: 'backup-invalid', field: '(file)', message: 'the file is not an OTP Guard backup (not JSON)' });
  const parsed = parseWith(backupSchema, json.value);
  if (!parsed.ok) {
    return err({ code: 'backup-invalid', field: parsed.error.field, message: `the file is not a valid OTP Guard backup (${parsed.error.message})` });
  }
  const backup = parsed.value;
  if (backup.backupFormat > BACKUP_FORMAT || backup.vault.format > FORMAT_VERSION) {
    return err({ code: 'unsupported-format', format: backup.vault.format, message: 'this backup was made by a newer version of OTP Guard; update the extension to restore it' });
  }
  const vault = backup.vault;
  const floor = checkKeyringKdf(vault.keyring, deps.minimum ?? PRODUCTION_FLOOR);
  if (floor !== null) return err(floor);
  const fullDeps = deps as VaultDeps;
  const unwrapped = await unwrapVaultKey(fullDeps, vault.vaultId, vault.keyring, password);
  if (!unwrapped.ok) return unwrapped;
  const key = await deps.crypto.importAeadKey(unwrapped.value, false);
  wipe(unwrapped.value);
  if (!(await keyMatches(fullDeps, vault.vaultId, vault.keyring, key))) {
    return err({ code: 'backup-invalid', field: 'vault.keyring.keyCheck', message: 'the backup key check failed: the file was altered' });
  }
  const entries: InspectedBackup['entries'] = [];
  for (const [id, entry] of Object.entries(vault.entries)) {
    const nameBytes = await openBox(deps.crypto, key, entry.name, aad.entryName(vault.format, vault.vaultId, id));
    const name = nameBytes === null ? null : fromUtf8(nameBytes);
    const plain = await openBox(deps.crypto, key, entry.data, aad.entryData(vault.format, vault.vaultId, id));
    const data = plain === null ? null : parseJson(fromUtf8(plain));
    if (name === null || data === null || !data.ok) {
      return err({
        code: 'backup-damaged',
        entryId: id,
        entryName: name ?? id,
        message: `the backup entry "${name ?? id}" is damaged or altered; nothing was restored`,
      });
    }
    entries.push({ id, name, data: data.value });
  }
  return ok({ vaultId: vault.vaultId, exportedAt: backup.exportedAt, entries });
}

export type RestoreMode = 'merge' | 'replace';

export interface RestoreReport {
  revision: number;
  /** Names of entries added from the backup. */
  added: string[];
  /** Backup entries already present (same data, or what `isDuplicate` calls the same): skipped. */
  duplicates: string[];
  /** Same id, different data: imported next to the existing one under a new id (merge never overwrites). */
  renamed: { from: string; to: string; name: string }[];
  /** Damaged entries replaced by the backup's readable copy. */
  repaired: string[];
  /** Replace mode only: entries that were not in the backup. */
  removed: string[];
}

/** Canonical JSON (sorted keys) so equal data compares equal whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Pure: decides what a restore writes. */
export function planRestore(
  current: EntryListing,
  backup: InspectedBackup,
  mode: RestoreMode,
  random: RandomSource,
  isDuplicate: (existing: unknown, incoming: unknown) => boolean = () => false,
): { puts: EntryChange[]; removeIds: string[]; report: Omit<RestoreReport, 'revision'> } {
  const report: Omit<RestoreReport, 'revision'> = { added: [], duplicates: [], renamed: [], repaired: [], removed: [] };
  const existing = new Map(current.ok.map((entry) => [entry.id, entry]));
  const damaged = new Map(current.damaged.map((entry) => [entry.id, entry]));
  const taken = new Set([...existing.keys(), ...damaged.keys()]);
  const puts: EntryChange[] = [];
  const incomingIds = new Set(backup.entries.map((entry) => entry.id));
  const removeIds =
    mode === 'replace' ? [...taken].filter((id) => !incomingIds.has(id)) : [];
  for (const id of removeIds) report.removed.push(existing.get(id)?.name ?? damaged.get(id)?.name ?? id);

  for (const incoming of backup.entries) {
    const same = existing.get(incoming.id);
    if (same !== undefined && canonicalJson(same.data) === canonicalJson(incoming.data)) {
      report.duplicates.push(incoming.name);
      continue;
    }
    if (mode === 'replace') {
      puts.push(incoming);
      (damaged.has(incoming.id) ? report.repaired : report.added).push(incoming.name);
      continue;
    }
    if ([...existing.values()].some((entry) => isDuplicate(entry.data, incoming.data))) {
      report.duplicates.push(incoming.name);
      continue;
    }
    if (damaged.has(incoming.id)) {
      puts.push(incoming);
      report.repaired.push(incoming.name);
    } else if (same === undefined) {
      puts.push(incoming);
      taken.add(incoming.id);
      report.added.push(incoming.name);
    } else {
      const to = freshId(incoming.id, taken, random);
      taken.add(to);
      puts.push({ ...incoming, id: to });
      report.renamed.push({ from: incoming.id, to, name: incoming.name });
    }
  }
  return { puts, removeIds, report };
}

function freshId(base: string, taken: Set<string>, random: RandomSource): string {
  for (;;) {
    const candidate = `${base.slice(0, 50)}-r${toBase64Url(random.bytes(6)).replace(/[^A-Za-z0-9]/g, '0')}`;
    if (!taken.has(candidate) && ID_PATTERN.test(candidate)) return candidate;
  }
}

/**
 * "Start a new vault" after a forgotten password: only proceeds when `exportedText` is a full
 * export of the vault now stored (same vault id, every stored entry inside). Removes the head
 * first (one call: the vault is then gone as a whole), then its records.
 */
export async function destroyVaultAfterExport(store: KeyValueStore, exportedText: string): Promise<Result<void, VaultError>> {
  const json = parseJson(exportedText);
  const parsed = json.ok ? parseWith(backupSchema, json.value) : null;
  if (parsed === null || !parsed.ok) return err({ code: 'backup-invalid', field: '(file)', message: 'that export is not a valid backup; the vault was kept' });
  const current = await readSnapshot(store);
  if (!current.ok) return current;
  if (current.value === null) return ok(undefined);
  const stored = current.value.snapshot;
  const exported = parsed.value.vault;
  const covered =
    exported.vaultId === stored.vaultId &&
    Object.entries(stored.entries).every(([id, entry]) => {
      const copy = exported.entries[id];
      return copy !== undefined && copy.data.c === entry.data.c && copy.name.c === entry.name.c;
    });
  if (!covered) return err({ code: 'backup-invalid', field: 'vault', message: 'that export does not contain the current vault; the vault was kept' });
  try {
    await store.remove([HEAD_KEY]);
    const keys = await store.keys();
    const records = keys.filter((key) => key.startsWith(RECORD_PREFIX));
    if (records.length > 0) await store.remove(records);
  } catch (cause) {
    return err(vaultError.storage('remove', cause));
  }
  return ok(undefined);
}
