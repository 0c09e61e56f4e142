import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

export const undoDelete =
  (services: Services): UiHandlers['ui:undo-delete'] =>
  async ({ undoToken }) => {
    requireUnlocked(services.vault.unlocked);
    const kept = services.undo.get(undoToken);
    if (!kept) {
      throw new HandlerError('undo-expired', 'Too late to undo: the account was deleted.');
    }
    unwrapVault(await services.vault.putAccounts([kept], services.vault.revision));
    services.undo.drop(undoToken);
    return { revision: services.vault.revision };
  };
