import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

const UNDO_MS = 60_000;

/** Deletes after the popup's confirmation; the account is kept in memory for a minute for "Undo". */
export const deleteAccount =
  (services: Services): UiHandlers['ui:delete-account'] =>
  async ({ id, expectedRevision }) => {
    requireUnlocked(services.vault.unlocked);
    const account = services.vault.account(id);
    if (!account) throw new HandlerError('not-found', 'That account no longer exists.');
    unwrapVault(await services.vault.removeAccounts([id], expectedRevision));
    const undoToken = services.newId();
    const now = services.clock.now();
    for (const [token, kept] of services.undo) if (kept.expiresAt <= now) services.undo.delete(token);
    services.undo.set(undoToken, { account, expiresAt: now + UNDO_MS });
    return { revision: services.vault.revision, undoToken };
  };
