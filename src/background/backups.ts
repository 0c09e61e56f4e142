/** Backups being restored: inspected (fully decrypted and checked) files wait in SecretMemory for "Restore". */
import type { InspectedBackup } from '../core/vault/backup';
import type { SecretMemory } from './secret-memory';

const TTL_MS = 10 * 60_000;

export class InspectedBackups {
  constructor(private readonly memory: SecretMemory) {}

  keep(token: string, backup: InspectedBackup): void {
    this.memory.put('backup', token, backup, TTL_MS);
  }

  get(token: string): InspectedBackup | undefined {
    return this.memory.get('backup', token);
  }

  drop(token: string): void {
    this.memory.drop('backup', token);
  }
}
