import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** Deletes after the popup's confirmation; the account is kept in memory for a minute for "Undo". */
export const deleteAccount =
  (services: Services): UiHandlers['ui:delete-account'] =>
  async ({ id, expectedRevision }) => {
    requireUnlocked(services.vault.unlocked);
    const account = services.vault.account(id);
    if (!account) throw new HandlerError('not-found', 'That account no longer exists.');
    unwrapVault(await services.vault.removeAccounts([id], expectedRevision));
    const undoToken = services.newId();
    services.undo.keep(undoToken, account);
    return { revision: services.vault.revision, undoToken };
  };
