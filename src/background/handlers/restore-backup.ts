import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** Merge (the default) never overwrites an entry; replace swaps the whole vault in one write. */
export const restoreBackup =
  (services: Services): UiHandlers['ui:restore-backup'] =>
  async ({ token, mode }) => {
    requireUnlocked(services.vault.unlocked);
    const backup = services.backups.get(token);
    if (!backup) throw new HandlerError('expired', 'Choose the backup file again: this check has expired.');
    const report = unwrapVault(await services.vault.restore(backup, mode, services.vault.revision));
    services.backups.drop(token);
    services.broadcastPageState();
    return { added: report.added.length + report.renamed.length, revision: services.vault.revision };
  };
