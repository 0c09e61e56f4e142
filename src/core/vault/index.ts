/** The vault's public surface: the background imports from here. */
export {
  BACKUP_FORMAT,
  BACKUP_KIND,
  canonicalJson,
  destroyVaultAfterExport,
  exportRawVault,
  type InspectedBackup,
  inspectBackup,
  planRestore,
  type RestoreMode,
  type RestoreReport,
} from './backup';
export type { VaultDeps } from './deps';
export type { DamagedEntry, DamageReason, EntryListing, VaultEntry } from './entries';
export type { VaultError, VaultErrorCode } from './errors';
export { FORMAT_VERSION, HEAD_KEY, type VaultSnapshot } from './format';
export { KDF_CEILING, PRODUCTION_FLOOR, PRODUCTION_KDF } from './kdf';
export { type FaultMode, MemoryStore, type MemoryStoreOptions, type StoreCall, type StoreOp } from './memory-store';
export type { BackupExport, EntryChange, MergeOutcome, OpenVault, WriteOutcome } from './open-vault';
export { type KeyValueStore, QuotaExceededError } from './ports';
export {
  compareStamps,
  type MergeResult,
  mergeReplicas,
  planSyncWrite,
  pullReplica,
  pushReplica,
  SYNC_LIMITS,
  SYNC_META_KEY,
  SYNC_PREFIX,
  type SyncMeta,
} from './sync';
export { delayAfter, retryAfterMs, THROTTLE_KEY, type ThrottleState, unlockThrottle } from './throttle';
export { createVault, resumeVault, unlockVault, type VaultStatus, vaultStatus } from './vault';
