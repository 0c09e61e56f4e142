import { HandlerError, type UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

export const lock =
  (services: Services): UiHandlers['ui:lock'] =>
  async () => {
    if (!(await services.autoLock.fire())) {
      throw new HandlerError(
        'lock-incomplete',
        'OTP Guard is locked here, but could not erase its session key from the browser. Close the browser to be sure it stays locked.',
      );
    }
    return services.vault.status();
  };
