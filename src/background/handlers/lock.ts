import type { UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

export const lock =
  (services: Services): UiHandlers['ui:lock'] =>
  async () => {
    await services.autoLock.fire();
    return services.vault.status();
  };
