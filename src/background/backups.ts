/** Backups being restored: inspected (fully decrypted and checked) files wait here for "Restore". */
import type { InspectedBackup } from '../core/vault/backup';

const TTL_MS = 10 * 60_000;

export class InspectedBackups {
  private items = new Map<string, { backup: InspectedBackup; expiresAt: number }>();
  constructor(private readonly now: () => number) {}

  keep(token: string, backup: InspectedBackup): void {
    for (const [key, item] of this.items) if (item.expiresAt <= this.now()) this.items.delete(key);
    this.items.set(token, { backup, expiresAt: this.now() + TTL_MS });
  }

  get(token: string): InspectedBackup | undefined {
    const item = this.items.get(token);
    return item && item.expiresAt > this.now() ? item.backup : undefined;
  }

  drop(token: string): void {
    this.items.delete(token);
  }
}
