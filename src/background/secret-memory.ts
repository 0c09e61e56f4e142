/**
 * The one place the background keeps secrets in memory outside the open vault: enrolment drafts,
 * inspected (decrypted) backups and deleted accounts kept for "Undo". Every item expires; all of
 * them go when the vault locks (and whenever a message finds it locked).
 */
import type { Account, AccountDraft } from '../core/otp/account';
import type { InspectedBackup } from '../core/vault/backup';

export interface SecretKinds {
  draft: AccountDraft;
  backup: InspectedBackup;
  undo: Account;
}
type Kind = keyof SecretKinds;

export class SecretMemory {
  private readonly items = new Map<Kind, Map<string, { value: unknown; expiresAt: number }>>();

  constructor(private readonly now: () => number) {}

  put<K extends Kind>(kind: K, id: string, value: SecretKinds[K], ttlMs: number): void {
    this.sweep();
    const shelf = this.items.get(kind) ?? new Map<string, { value: unknown; expiresAt: number }>();
    this.items.set(kind, shelf);
    shelf.set(id, { value, expiresAt: this.now() + ttlMs });
  }

  /** The item, or undefined when it is unknown or has expired. */
  get<K extends Kind>(kind: K, id: string): SecretKinds[K] | undefined {
    this.sweep();
    return this.items.get(kind)?.get(id)?.value as SecretKinds[K] | undefined;
  }

  drop(kind: Kind, id: string): void {
    this.items.get(kind)?.delete(id);
  }

  /** How many items are held (expired ones excluded). */
  size(): number {
    this.sweep();
    let count = 0;
    for (const shelf of this.items.values()) count += shelf.size;
    return count;
  }

  clear(): void {
    this.items.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const shelf of this.items.values()) for (const [id, item] of shelf) if (item.expiresAt <= now) shelf.delete(id);
  }
}
