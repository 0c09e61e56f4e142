import type { CsHandlers } from '../../messaging/router';
import type { Services } from '../services';

/** The in-field button on a locked, verified page opens the popup to unlock. */
export const openPopup =
  (services: Services): CsHandlers['cs:open-popup'] =>
  async () => ({ opened: await services.openPopup() });
