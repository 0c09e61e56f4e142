import { HandlerError, type UiHandlers } from '../../messaging/router';
import { pageReport } from '../page-report';
import type { Services } from '../services';

/**
 * "Trust this site": silences the lookalike warning for the registrable domain of the page in front. It never makes
 * a page verified for an account (the guard's rules keep the two apart). The popup confirms first. Only a lookalike
 * can be trusted: an unknown site gets no warning, so trusting it would change nothing (and only suggest it did).
 * When and why it was trusted is kept, for the settings list where each trust can be undone.
 */
export const trustSite =
  (services: Services): UiHandlers['ui:trust-site'] =>
  async () => {
    const url = (await services.frontTab())?.url ?? '';
    const verdict = services.guard.current().verdict(url);
    if (verdict.kind !== 'lookalike') {
      throw new HandlerError('nothing-to-trust', 'Only a site that OTP Guard warns about can be trusted.');
    }
    const note = { at: services.clock.now(), reason: 'lookalike' as const, imitated: verdict.imitates.name };
    services.guard.setTrustedSites(await services.trusted.add(verdict.target.registrableDomain, note));
    services.broadcastPageState();
    return pageReport(services.guard.current().verdict(url));
  };
