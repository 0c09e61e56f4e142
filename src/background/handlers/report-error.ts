import type { CsHandlers } from '../../messaging/router';
import type { Services } from '../services';

const hostOf = (url: string): string => {
  try {
    return new URL(url).host || url.slice(0, 64);
  } catch {
    return url.slice(0, 64);
  }
};

/** A content script's entry point threw and failed closed: the background keeps a trace of it. */
export const reportError =
  (services: Services): CsHandlers['cs:report-error'] =>
  async ({ where, error }, sender) => {
    services.contentErrors.record({ where, error, host: hostOf(sender.frameUrl) });
    return { logged: true };
  };
