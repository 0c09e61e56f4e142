import { HandlerError, type UiHandlers } from '../../messaging/router';
import { pageReport } from '../page-report';
import type { Services } from '../services';

/**
 * "Trust this site": silences the lookalike warning for the registrable domain of the page in front. It never makes
 * a page verified for an account (the guard's rules keep the two apart). The popup confirms first.
 */
export const trustSite =
  (services: Services): UiHandlers['ui:trust-site'] =>
  async () => {
    const url = (await services.frontTab())?.url ?? '';
    const verdict = services.guard.current().verdict(url);
    if (verdict.kind !== 'lookalike' && verdict.kind !== 'unknown') {
      throw new HandlerError('nothing-to-trust', 'Only a website that is not verified can be trusted.');
    }
    services.guard.setTrustedSites(await services.trusted.add(verdict.target.registrableDomain));
    services.broadcastPageState();
    return pageReport(services.guard.current().verdict(url));
  };
