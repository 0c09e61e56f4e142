import type { UiHandlers } from '../../messaging/router';
import { unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** A wrong password gets a clear message and a growing delay; the vault is never written. */
export const unlock =
  (services: Services): UiHandlers['ui:unlock'] =>
  async ({ password }) => {
    unwrapVault(await services.vault.unlock(password));
    await services.autoLock.touch((await services.settings.get()).autoLockMinutes);
    services.broadcastPageState();
    return services.vault.status();
  };
