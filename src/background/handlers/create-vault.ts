import type { UiHandlers } from '../../messaging/router';
import { unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** First run: a vault always has a password (there is no plaintext mode). */
export const createVault =
  (services: Services): UiHandlers['ui:create-vault'] =>
  async ({ password }) => {
    unwrapVault(await services.vault.create(password));
    await services.autoLock.touch((await services.settings.get()).autoLockMinutes);
    return services.vault.status();
  };
