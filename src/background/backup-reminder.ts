/** "Back up after enrolling": remembers the vault revision of the last backup (non-secret). */
import type { LocalArea } from './settings';

export const LAST_BACKUP_KEY = 'backup/last-revision';

export class BackupReminder {
  constructor(private readonly local: LocalArea) {}

  async exported(revision: number): Promise<void> {
    await this.local.set({ [LAST_BACKUP_KEY]: revision });
  }

  /** True when accounts changed since the last backup (or there never was one). */
  async due(revision: number, accountCount: number): Promise<boolean> {
    if (accountCount === 0) return false;
    const last = (await this.local.get(LAST_BACKUP_KEY))[LAST_BACKUP_KEY];
    return typeof last !== 'number' || last < revision;
  }
}
