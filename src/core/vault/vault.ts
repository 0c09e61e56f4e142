import type { AeadKey } from '../ports';
import { err, ok, type Result } from '../result';
import { randomId, wipe } from './bytes';
import { commit } from './commit';
import type { VaultDeps } from './deps';
import { type VaultError, vaultError } from './errors';
import { FORMAT_VERSION, type Head, ID_PATTERN } from './format';
import { isNewerFormat, readHead } from './head';
import { PRODUCTION_FLOOR, PRODUCTION_KDF, checkKdfParams, KEY_BYTES } from './kdf';
import { buildKeyring, checkKeyringKdf, DEFAULT_DEVICE_ID, keyMatches, unwrapVaultKey } from './keyring';
import { UnlockedVault } from './open-vault';
import { chargeAttempt, settleAttempt } from './throttle';

export type { VaultDeps } from './deps';
export type { OpenVault } from './open-vault';

export type VaultStatus =
  | { state: 'none' }
  | {
      state: 'locked';
      vaultId: string;
      revision: number;
      format: number;
      entryCount: number;
      readOnly: boolean;
      /** Set when read-only: what to tell the user. */
      message?: string;
    }
  | { state: 'unreadable'; error: VaultError };

/** What exists in storage, without a password. Never writes. */
export async function vaultStatus(deps: Pick<VaultDeps, 'store'>): Promise<VaultStatus> {
  const read = await readHead(deps.store);
  if (!read.ok) return { state: 'unreadable', error: read.error };
  const head = read.value;
  if (head === null) return { state: 'none' };
  const readOnly = isNewerFormat(head);
  return {
    state: 'locked',
    vaultId: head.vaultId,
    revision: head.revision,
    format: head.format,
    entryCount: Object.keys(head.entries).length,
    readOnly,
    ...(readOnly ? { message: vaultError.readOnly(head.format).message } : {}),
  };
}

function checkPassword(password: string, field: string): VaultError | null {
  return typeof password === 'string' && password.length > 0 ? null : vaultError.invalid(field, 'must not be empty');
}

function checkDeviceId(deps: VaultDeps): VaultError | null {
  const deviceId = deps.deviceId ?? DEFAULT_DEVICE_ID;
  return ID_PATTERN.test(deviceId) ? null : vaultError.invalid('deviceId', 'must match [A-Za-z0-9][A-Za-z0-9._:-]{0,63}');
}

/** Creates a new vault; refuses (and writes nothing) when any vault, even a damaged one, exists. */
export async function createVault(deps: VaultDeps, password: string): Promise<Result<OpenVaultResult, VaultError>> {
  const invalid = checkPassword(password, 'password') ?? checkDeviceId(deps);
  if (invalid !== null) return err(invalid);
  const params = deps.kdf ?? PRODUCTION_KDF;
  const weak = checkKdfParams(params, deps.minimum ?? PRODUCTION_FLOOR);
  if (weak !== null) return err(weak);

  const existing = await readHead(deps.store);
  if (!existing.ok || existing.value !== null) {
    return err({ code: 'vault-exists', message: 'a vault already exists; it was left untouched' });
  }
  const vaultId = randomId(deps.random);
  const raw = deps.random.bytes(KEY_BYTES);
  const key = await deps.crypto.importAeadKey(raw, false);
  const exportable = await deps.crypto.importAeadKey(raw, true);
  const keyring = await buildKeyring(deps, vaultId, password, raw, key, params);
  wipe(raw);
  const committed = await commit(deps.store, {
    expectedRevision: null,
    vaultId: null,
    build: async () => ok({ head: { vaultId, keyring, entries: {}, tombstones: {} }, records: {} }),
  });
  if (!committed.ok) return committed;
  return ok(new UnlockedVault(deps, committed.value, key, exportable));
}

type OpenVaultResult = UnlockedVault;

/**
 * Unlocks with the password. On any failure it writes nothing to the vault; only the (separate,
 * non-secret) throttle counter changes. Refuses while the throttle says wait or cannot count the attempt.
 */
export async function unlockVault(deps: VaultDeps, password: string): Promise<Result<OpenVaultResult, VaultError>> {
  const invalid = checkPassword(password, 'password') ?? checkDeviceId(deps);
  if (invalid !== null) return err(invalid);
  const read = await readHead(deps.store);
  if (!read.ok) return read;
  const head = read.value;
  if (head === null) return err({ code: 'no-vault', message: 'there is no vault yet' });
  const belowFloor = checkKeyringKdf(head.keyring, deps.minimum ?? PRODUCTION_FLOOR);
  if (belowFloor !== null) return err(belowFloor);
  const throttleStore = deps.throttleStore ?? deps.store;
  const charged = await chargeAttempt(throttleStore, deps.clock);
  if (!charged.ok) return charged;
  const opened = await tryPassword(deps, head, password);
  const outcome = opened.ok ? 'right' : opened.error.code === 'wrong-password' ? 'wrong' : 'other';
  await settleAttempt(throttleStore, charged.value, outcome);
  return opened;
}

async function tryPassword(deps: VaultDeps, head: Head, password: string): Promise<Result<OpenVaultResult, VaultError>> {
  const unwrapped = await unwrapVaultKey(deps, head.vaultId, head.keyring, password);
  if (!unwrapped.ok) return unwrapped;
  return importChecked(deps, head, unwrapped.value, true);
}

/** Reopens after a service-worker restart from the raw key kept in session storage. */
export async function resumeVault(
  deps: VaultDeps,
  sessionKeyRaw: Uint8Array,
): Promise<Result<OpenVaultResult, VaultError>> {
  if (!(sessionKeyRaw instanceof Uint8Array) || sessionKeyRaw.length !== KEY_BYTES) {
    return err(vaultError.invalid('sessionKeyRaw', `must be ${KEY_BYTES} bytes`));
  }
  const read = await readHead(deps.store);
  if (!read.ok) return read;
  if (read.value === null) return err({ code: 'no-vault', message: 'there is no vault any more' });
  return importChecked(deps, read.value, new Uint8Array(sessionKeyRaw), false);
}

/** Imports the raw key (then wipes it) and proves it is this vault's key through the key check. */
async function importChecked(
  deps: VaultDeps,
  head: Head,
  raw: Uint8Array,
  keepExportable: boolean,
): Promise<Result<OpenVaultResult, VaultError>> {
  const key: AeadKey = await deps.crypto.importAeadKey(raw, false);
  const exportable = keepExportable ? await deps.crypto.importAeadKey(raw, true) : null;
  wipe(raw);
  if (!(await keyMatches(deps, head.vaultId, head.keyring, key))) {
    return err(
      keepExportable
        ? { code: 'corrupt-header', message: 'the vault key does not match the vault key check' }
        : { code: 'session-key-mismatch', message: 'the session key does not belong to this vault; unlock again' },
    );
  }
  return ok(new UnlockedVault(deps, head, key, exportable));
}

export { FORMAT_VERSION };
