import type { AccountCode } from '../../messaging/protocol';
import type { UiHandlers } from '../../messaging/router';
import { accountCode } from '../account-view';
import { requireUnlocked } from '../handler-error';
import type { Services } from '../services';

/**
 * The codes of the rows the popup shows that the list left out (`codeLater`). Codes only — the secrets stay here.
 * An id the vault does not know (deleted meanwhile) is skipped: the popup's next list drops its row.
 */
export const accountCodes =
  (services: Services): UiHandlers['ui:account-codes'] =>
  async ({ ids }) => {
    requireUnlocked(services.vault.unlocked);
    const now = services.clock.now();
    const codes: AccountCode[] = [];
    for (const id of new Set(ids)) {
      const account = services.vault.account(id);
      if (account) codes.push(accountCode(account, now));
    }
    return { codes };
  };
