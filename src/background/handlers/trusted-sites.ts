import { parseTarget } from '../../core/domain/host';
import type { UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

const unicodeOf = (site: string): string => {
  const parsed = parseTarget(site);
  return parsed.ok && parsed.value.kind === 'web' ? parsed.value.unicodeRegistrableDomain : site;
};

/** The settings list of trusted sites: when and why each was trusted. */
export const listTrustedSites =
  (services: Services): UiHandlers['ui:list-trusted-sites'] =>
  async () => ({ sites: await services.trusted.entries(unicodeOf) });

/** Undo a trust: the guard judges the site again at once, and every open page is told to ask again. */
export const untrustSite =
  (services: Services): UiHandlers['ui:untrust-site'] =>
  async ({ site }) => {
    services.guard.setTrustedSites(await services.trusted.remove(site));
    services.broadcastPageState();
    return { sites: await services.trusted.entries(unicodeOf) };
  };
