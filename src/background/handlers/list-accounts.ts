import type { UiHandlers } from '../../messaging/router';
import { accountView } from '../account-view';
import { accountsFilledInFront } from '../fills-here';
import { requireUnlocked } from '../handler-error';
import type { Services } from '../services';

export const listAccounts =
  (services: Services): UiHandlers['ui:list-accounts'] =>
  async () => {
    requireUnlocked(services.vault.unlocked);
    const now = services.clock.now();
    const settings = await services.settings.get();
    const here = new Set(await accountsFilledInFront(services));
    return {
      revision: services.vault.revision,
      accounts: services.vault.accounts().map((account) => accountView(account, now, here.has(account.id))),
      damaged: [...services.vault.damaged()],
      readOnly: services.vault.readOnly,
      backupReminder:
        settings.backupReminder && (await services.backupReminder.due(services.vault.revision, services.vault.accounts().length)),
    };
  };
