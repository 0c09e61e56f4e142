import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

export const undoDelete =
  (services: Services): UiHandlers['ui:undo-delete'] =>
  async ({ undoToken }) => {
    requireUnlocked(services.vault.unlocked);
    const kept = services.undo.get(undoToken);
    if (!kept || kept.expiresAt <= services.clock.now()) {
      throw new HandlerError('undo-expired', 'Too late to undo: the account was deleted.');
    }
    unwrapVault(await services.vault.putAccounts([kept.account], services.vault.revision));
    services.undo.delete(undoToken);
    return { revision: services.vault.revision };
  };
