import type { UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

export const vaultStatus =
  (services: Services): UiHandlers['ui:vault-status'] =>
  async () => {
    return services.vault.status();
  };
