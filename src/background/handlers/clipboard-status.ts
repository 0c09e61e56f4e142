import type { UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

/** What became of the last copied code: the popup says "Cleared" or why not. */
export const clipboardStatus =
  (services: Services): UiHandlers['ui:clipboard-status'] =>
  async () =>
    services.clipboard.status();
