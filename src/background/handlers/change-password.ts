import type { UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** Re-wraps the vault key only: no entry is touched. */
export const changePassword =
  (services: Services): UiHandlers['ui:change-password'] =>
  async ({ current, next }) => {
    requireUnlocked(services.vault.unlocked);
    unwrapVault(await services.vault.changePassword(current, next));
    return services.vault.status();
  };
