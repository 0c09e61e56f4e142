import type { UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

export const setSettings =
  (services: Services): UiHandlers['ui:set-settings'] =>
  async ({ patch }) => {
    const next = await services.settings.update(patch);
    if (patch.autoLockMinutes !== undefined && services.vault.unlocked) await services.autoLock.touch(next.autoLockMinutes);
    services.broadcastPageState();
    return next;
  };
