import type { UiHandlers } from '../../messaging/router';
import { backupFileName } from '../backup-file-name';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** An encrypted backup file: under the vault password, or re-sealed under a separate backup password. */
export const exportBackup =
  (services: Services): UiHandlers['ui:export-backup'] =>
  async ({ password }) => {
    requireUnlocked(services.vault.unlocked);
    const exported = unwrapVault(await services.vault.exportBackup(password));
    await services.backupReminder.exported(services.vault.revision);
    return { fileName: backupFileName('backup', services.clock.now()), fileText: exported.text };
  };
