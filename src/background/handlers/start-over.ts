import type { UiHandlers } from '../../messaging/router';
import { unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** Deletes the vault only when the file the user just saved holds all of it; otherwise keeps it. */
export const startOver =
  (services: Services): UiHandlers['ui:start-over'] =>
  async ({ exportedText }) => {
    unwrapVault(await services.vault.startOver(exportedText));
    return services.vault.status();
  };
