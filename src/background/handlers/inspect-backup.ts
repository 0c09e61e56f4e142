import { classifyDrafts } from '../../core/otp/duplicates';
import type { UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** The restore check: everything is decrypted and validated before anything is merged or replaced. */
export const inspectBackup =
  (services: Services): UiHandlers['ui:inspect-backup'] =>
  async ({ fileText, password }) => {
    requireUnlocked(services.vault.unlocked);
    const { backup, accounts } = unwrapVault(await services.vault.inspectBackup(fileText, password));
    const { fresh, duplicates } = classifyDrafts(accounts, services.vault.accounts());
    const token = services.newId();
    services.backups.keep(token, backup);
    return { token, entries: accounts.length, fresh: fresh.length, duplicates: duplicates.length };
  };
