/**
 * The unlocked vault as the background holds it: the vault key (a non-extractable CryptoKey inside
 * OpenVault) and the decoded accounts, in memory only while unlocked. The raw key also sits in
 * storage.session (memory only, trusted contexts only, gone on browser restart) so an unlocked session
 * survives the service worker being stopped; locking removes it.
 */
import { type Account, accountFromDraft, type AccountDraft } from '../../core/otp/account';
import { accountFromJson, accountToJson } from '../../core/otp/account-json';
import { err, ok, type Result } from '../../core/result';
import { fromBase64, toBase64 } from '../../core/vault/bytes';
import { type VaultError, vaultError } from '../../core/vault/errors';
import {
  createVault,
  type OpenVault,
  resumeVault,
  unlockVault,
  type VaultDeps,
  vaultStatus,
} from '../../core/vault/vault';
import { readThrottle, retryAfterMs } from '../../core/vault/throttle';
import { destroyVaultAfterExport, exportRawVault, type InspectedBackup, inspectBackup, type RestoreMode, type RestoreReport } from '../../core/vault/backup';
import type { KeyValueStore } from '../../core/vault/ports';
import { pullReplica, pushReplica } from '../../core/vault/sync';
import type { VaultStatusReport } from '../../messaging/protocol';

/** Emptied the moment the vault locks, then removed: a worker started later finds nothing to resume from. */
export const SESSION_KEY = 'session/vault-key';

export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface DamagedAccount {
  id: string;
  name: string;
  reason: string;
}

export const displayName = (account: Pick<Account, 'issuer' | 'accountName'>): string =>
  [account.issuer, account.accountName].filter(Boolean).join(' — ') || 'Unnamed account';

export class VaultSession {
  private open: OpenVault | null = null;
  private accountList: Account[] = [];
  private damagedList: DamagedAccount[] = [];
  private listeners = new Set<() => void>();
  private lockListeners = new Set<() => void>();
  /** Counts locks: an unlock or resume that was in flight when the vault locked must not open it. */
  private locks = 0;
  /** Set when the account list could not be read: nothing is filled or copied until a reload succeeds. */
  private degradedReason: string | null = null;
  /**
   * True once this worker knows there is no session key to resume from. Only this worker writes that
   * key (at create or unlock, which open the vault anyway), so it need not be read again on every message.
   */
  private noSessionKey = false;

  constructor(
    private readonly deps: VaultDeps,
    private readonly session: SessionArea,
  ) {}

  /** Called when accounts or the lock state change (the guard's rules and badges follow). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Called first thing when the vault locks, before any storage call (memory-held secrets go). */
  onLock(listener: () => void): void {
    this.lockListeners.add(listener);
  }

  get unlocked(): boolean {
    return this.open !== null;
  }
  get revision(): number {
    return this.open?.revision ?? 0;
  }
  /** Why the account list is not usable now (a failed reload); null when it is. */
  get degraded(): string | null {
    return this.open ? this.degradedReason : null;
  }
  get readOnly(): boolean {
    return this.open?.readOnly ?? false;
  }
  accounts(): readonly Account[] {
    return this.accountList;
  }
  damaged(): readonly DamagedAccount[] {
    return this.damagedList;
  }
  account(id: string): Account | undefined {
    return this.accountList.find((account) => account.id === id);
  }

  async status(): Promise<VaultStatusReport> {
    const stored = await vaultStatus(this.deps);
    const throttle = await readThrottle(this.deps.throttleStore ?? this.deps.store, this.deps.clock.now());
    const retry = retryAfterMs(throttle, this.deps.clock.now());
    if (stored.state === 'none') return { state: 'none', readOnly: false, retryAfterMs: 0, damaged: [] };
    if (stored.state === 'unreadable') {
      // The state as it is in this worker: an unreadable store does not make an open vault look locked.
      return {
        state: this.open ? 'unlocked' : 'locked',
        readOnly: true,
        readOnlyReason: `The vault could not be read: ${stored.error.message}. Nothing was changed.`,
        retryAfterMs: this.open ? 0 : retry,
        damaged: [],
      };
    }
    return {
      state: this.open ? 'unlocked' : 'locked',
      readOnly: stored.readOnly,
      ...(stored.message ? { readOnlyReason: stored.message } : {}),
      retryAfterMs: this.open ? 0 : retry,
      damaged: this.open ? [...this.damagedList] : [],
      ...(this.degraded ? { degradedReason: this.degraded } : {}),
    };
  }

  async create(password: string): Promise<Result<void, VaultError>> {
    const locks = this.locks;
    const created = await createVault(this.deps, password);
    if (!created.ok) return created;
    return this.adopt(created.value, locks);
  }

  async unlock(password: string): Promise<Result<void, VaultError>> {
    if (this.open) return ok(undefined);
    const locks = this.locks;
    const opened = await unlockVault(this.deps, password);
    if (!opened.ok) return opened;
    return this.adopt(opened.value, locks);
  }

  /**
   * After a worker restart: reopen from the session key, if the session is still unlocked. Any failure
   * (unreadable session storage, an emptied key, a key that does not open the vault) leaves it locked,
   * and so does a lock that happens while the resume is under way.
   */
  async resume(): Promise<boolean> {
    if (this.open) return true;
    if (this.noSessionKey) return false;
    const locks = this.locks;
    let stored: Record<string, unknown>;
    try {
      stored = await this.session.get(SESSION_KEY);
    } catch (error) {
      console.error('[otp-guard] session storage unreadable: staying locked', error);
      return false;
    }
    const raw = typeof stored[SESSION_KEY] === 'string' ? fromBase64(stored[SESSION_KEY]) : null;
    if (!raw || raw.length === 0) {
      this.noSessionKey = true;
      return false;
    }
    const opened = await resumeVault(this.deps, raw).catch((error: unknown) => err(vaultError.storage('resume', error)));
    raw.fill(0);
    if (this.locks !== locks) return false;
    if (!opened.ok) {
      this.noSessionKey = true;
      await this.forgetSessionKey();
      return false;
    }
    this.open = opened.value;
    await this.reload();
    return true;
  }

  /**
   * Locks this worker first (key and accounts dropped from memory, listeners told), then makes sure no
   * later worker can resume. Returns false when the session key could not be erased from storage.
   */
  async lock(): Promise<boolean> {
    this.locks++;
    this.open = null;
    this.noSessionKey = true;
    this.accountList = [];
    this.damagedList = [];
    this.degradedReason = null;
    for (const listener of this.lockListeners) tryListener(listener);
    this.changed();
    return this.forgetSessionKey();
  }

  /** The key slot overwritten empty, then removed: either one landing is enough. Each step is retried once. */
  private async forgetSessionKey(): Promise<boolean> {
    const attempt = async (step: () => Promise<void>, what: string): Promise<boolean> => {
      for (let tries = 0; tries < 2; tries++) {
        try {
          await step();
          return true;
        } catch (error) {
          console.error(`[otp-guard] lock: could not ${what}`, error);
        }
      }
      return false;
    };
    const emptied = await attempt(() => this.session.set({ [SESSION_KEY]: '' }), 'empty the session key');
    const removed = await attempt(() => this.session.remove(SESSION_KEY), 'remove the session key');
    return emptied || removed;
  }

  /** Checks the password again (for sensitive actions); a wrong one counts toward the unlock throttle. */
  async verifyPassword(password: string): Promise<Result<void, VaultError>> {
    const checked = await unlockVault(this.deps, password);
    return checked.ok ? ok(undefined) : checked;
  }

  async changePassword(current: string, next: string): Promise<Result<void, VaultError>> {
    const open = this.requireOpen();
    if (!open.ok) return open;
    const changed = await open.value.changePassword(current, next);
    return changed.ok ? ok(undefined) : changed;
  }

  /** Saves new accounts (from drafts) in one write. */
  async addDrafts(drafts: AccountDraft[], expectedRevision: number, newId: () => string): Promise<Result<Account[], VaultError>> {
    const now = this.deps.clock.now();
    const order = this.accountList.reduce((max, account) => Math.max(max, account.order), -1) + 1;
    const added = drafts.map((draft, index) => accountFromDraft(draft, { id: newId(), createdAt: now, order: order + index }));
    const written = await this.putAccounts(added, expectedRevision);
    return written.ok ? ok(added) : written;
  }

  async putAccounts(accounts: Account[], expectedRevision: number): Promise<Result<void, VaultError>> {
    const open = this.requireOpen();
    if (!open.ok) return open;
    const written = await open.value.put(
      accounts.map((account) => ({ id: account.id, name: displayName(account), data: accountToJson(account) })),
      expectedRevision,
    );
    if (!written.ok) {
      if (written.error.code === 'conflict') await this.reload();
      return written;
    }
    await this.reload();
    return ok(undefined);
  }

  async removeAccounts(ids: string[], expectedRevision: number): Promise<Result<void, VaultError>> {
    const open = this.requireOpen();
    if (!open.ok) return open;
    const written = await open.value.remove(ids, expectedRevision);
    if (!written.ok) {
      if (written.error.code === 'conflict') await this.reload();
      return written;
    }
    await this.reload();
    return ok(undefined);
  }

  openVault(): OpenVault | null {
    return this.open;
  }

  async exportBackup(password?: string): Promise<Result<{ text: string; omitted: string[] }, VaultError>> {
    const open = this.requireOpen();
    if (!open.ok) return open;
    const exported = await open.value.exportBackup(password);
    return exported.ok ? ok({ text: exported.value.text, omitted: exported.value.omitted.map((entry) => entry.name) }) : exported;
  }

  /** The restore check: the whole file is decrypted and every entry validated before anything is written. */
  async inspectBackup(fileText: string, password: string): Promise<Result<{ backup: InspectedBackup; accounts: Account[] }, VaultError>> {
    const inspected = await inspectBackup(this.deps, fileText, password);
    if (!inspected.ok) return inspected;
    const accounts: Account[] = [];
    for (const entry of inspected.value.entries) {
      const decoded = accountFromJson(entry.data);
      if (!decoded.ok) {
        return err({
          code: 'backup-damaged',
          entryId: entry.id,
          entryName: entry.name,
          message: `the backup entry "${entry.name}" is not a valid account (${decoded.error.message}); nothing was restored`,
        });
      }
      accounts.push(decoded.value);
    }
    return ok({ backup: inspected.value, accounts });
  }

  async restore(backup: InspectedBackup, mode: RestoreMode, expectedRevision: number): Promise<Result<RestoreReport, VaultError>> {
    const open = this.requireOpen();
    if (!open.ok) return open;
    const sameSecret = (a: unknown, b: unknown) => {
      const left = accountFromJson(a);
      const right = accountFromJson(b);
      return left.ok && right.ok && accountToJson(left.value).otp.secret === accountToJson(right.value).otp.secret;
    };
    const restored = await open.value.restore(backup, mode, expectedRevision, sameSecret);
    await this.reload();
    return restored;
  }

  /** Forgotten password: the vault as stored (still encrypted), so it can be kept before starting over. */
  async exportRaw(): Promise<Result<string, VaultError>> {
    const exported = await exportRawVault(this.deps.store, this.deps.clock.now());
    return exported.ok ? ok(exported.value.text) : exported;
  }

  /** Deletes the vault only when `exportedText` holds all of it (the user has the file). */
  async startOver(exportedText: string): Promise<Result<void, VaultError>> {
    const destroyed = await destroyVaultAfterExport(this.deps.store, exportedText);
    if (destroyed.ok) await this.lock();
    return destroyed;
  }

  /**
   * Sync through the browser's own sync storage: pull the remote replica, merge it entry by entry
   * (tombstones keep deletes), push the result back. Only ciphertext and stamps are ever written there.
   */
  async syncWith(syncStore: KeyValueStore): Promise<Result<void, VaultError>> {
    const open = this.requireOpen();
    if (!open.ok) return open;
    const remote = await pullReplica(syncStore);
    if (!remote.ok) return remote;
    let pushNeeded = remote.value === null;
    if (remote.value !== null) {
      const before = open.value.revision;
      const merged = await open.value.mergeRemote(remote.value, before);
      if (!merged.ok) return merged;
      pushNeeded = merged.value.remoteIsBehind;
      // Reload (and so notify) only when the merge changed something: a quiet sync stays quiet.
      if (merged.value.revision !== before) await this.reload();
    }
    if (!pushNeeded) return ok(undefined);
    const replica = await open.value.replica();
    if (!replica.ok) return replica;
    const pushed = await pushReplica(syncStore, replica.value);
    return pushed.ok ? ok(undefined) : pushed;
  }

  /**
   * Re-reads every entry: one damaged entry is listed by name, the rest stay usable. A listing that
   * fails marks the session degraded (no accounts for the guard, fills or copies) until one succeeds.
   */
  async reload(): Promise<void> {
    const open = this.open;
    if (!open) return;
    const listing = await open.entries().catch((error: unknown) => err(vaultError.storage('list', error)));
    if (this.open !== open) return; // locked meanwhile
    if (!listing.ok) {
      console.error('[otp-guard] the account list could not be read:', listing.error.message);
      this.degradedReason = `The accounts could not be read (${listing.error.message}). Nothing is filled or copied until they can be.`;
      this.accountList = [];
      this.damagedList = [];
      this.changed();
      return;
    }
    const accounts: Account[] = [];
    const damaged: DamagedAccount[] = listing.value.damaged.map((entry) => ({
      id: entry.id,
      name: entry.name,
      reason: entry.message,
    }));
    for (const entry of listing.value.ok) {
      const decoded = accountFromJson(entry.data);
      if (decoded.ok) accounts.push(decoded.value);
      else damaged.push({ id: entry.id, name: entry.name, reason: decoded.error.message });
    }
    accounts.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
    this.degradedReason = null;
    this.accountList = accounts;
    this.damagedList = damaged;
    this.changed();
  }

  private async adopt(open: OpenVault, locks: number): Promise<Result<void, VaultError>> {
    const lockedMeanwhile = err<VaultError>({ code: 'no-vault', message: 'OTP Guard locked while it was being unlocked: unlock it again' });
    if (this.locks !== locks) return lockedMeanwhile;
    const sessionKey = await open.exportSessionKey();
    let kept = false;
    if (sessionKey.ok) {
      // If this write fails, this worker is unlocked and a later one is not (it asks for the password).
      kept = await this.session
        .set({ [SESSION_KEY]: toBase64(sessionKey.value) })
        .then(() => true)
        .catch((error: unknown) => {
          console.error('[otp-guard] session key not kept', error);
          return false;
        });
      sessionKey.value.fill(0);
    }
    if (this.locks !== locks) {
      // The lock came while the key was being kept: it must not outlive that lock.
      await this.forgetSessionKey();
      return lockedMeanwhile;
    }
    this.open = open;
    this.noSessionKey = !kept;
    await this.reload();
    return ok(undefined);
  }

  private requireOpen(): Result<OpenVault, VaultError> {
    return this.open ? ok(this.open) : err({ code: 'no-vault', message: 'OTP Guard is locked: unlock it first.' });
  }

  private changed(): void {
    for (const listener of this.listeners) tryListener(listener);
  }
}

/** A listener's failure is logged; it never stops the others (the lock in particular). */
function tryListener(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    console.error('[otp-guard] listener failed', error);
  }
}
