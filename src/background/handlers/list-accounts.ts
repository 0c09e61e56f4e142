import type { UiHandlers } from '../../messaging/router';
import { accountView } from '../account-view';
import { accountsFilledInFront } from '../fills-here';
import { requireUnlocked } from '../handler-error';
import type { Services } from '../services';

/**
 * How many rows of the list carry their code: the popup's first screen (its row window starts at 29 rows), so it
 * shows codes without a second round trip; the rest come with `ui:account-codes` when scrolled to. Computing every
 * code made the reply take over a second at 1,000 accounts.
 */
export const LIST_CODE_ROWS = 30;

export const listAccounts =
  (services: Services): UiHandlers['ui:list-accounts'] =>
  async () => {
    requireUnlocked(services.vault.unlocked);
    const now = services.clock.now();
    const settings = await services.settings.get();
    const here = new Set(await accountsFilledInFront(services));
    const accounts = services.vault.accounts();
    return {
      revision: services.vault.revision,
      // The accounts that fill here are pinned first by the popup: they always carry their code.
      accounts: accounts.map((account, index) => {
        const fillsHere = here.has(account.id);
        return accountView(account, now, fillsHere, fillsHere || index < LIST_CODE_ROWS);
      }),
      damaged: [...services.vault.damaged()],
      readOnly: services.vault.readOnly,
      backupReminder: settings.backupReminder && (await services.backupReminder.due(services.vault.revision, accounts.length)),
    };
  };
