import type { UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

export const getSettings =
  (services: Services): UiHandlers['ui:get-settings'] =>
  async () =>
    services.settings.get();
