/**
 * The warning page's three messages. It names its own tab; what it shows and where the tab goes
 * come from the background's record of the navigation it stopped, never from the page.
 */
import type { Verdict } from '../../core/domain/guard';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { pageReport } from '../page-report';
import type { Services } from '../services';

type Lookalike = Extract<Verdict, { kind: 'lookalike' }>;

async function stopped(services: Services, tabId: number): Promise<{ url: string; verdict: Lookalike }> {
  const url = await services.warnings.blocked.get(tabId);
  const verdict = url ? services.guard.current().verdict(url) : undefined;
  if (!url || verdict?.kind !== 'lookalike') throw new HandlerError('nothing-stopped', 'OTP Guard did not stop a page in this tab.');
  return { url, verdict };
}

const realSite = (verdict: Lookalike) => ({
  realSiteUrl: `https://${verdict.imitates.primaryDomain}/`,
  realSiteName: verdict.imitates.primaryDomain,
});

export const warningDescribe =
  (services: Services): UiHandlers['ui:warning-describe'] =>
  async ({ tabId }) => {
    const { verdict } = await stopped(services, tabId);
    return { page: pageReport(verdict), ...realSite(verdict) };
  };

export const warningGo =
  (services: Services): UiHandlers['ui:warning-go'] =>
  async ({ tabId }) => {
    // The record stays: Back to the warning page shows the same warning again.
    const { verdict } = await stopped(services, tabId);
    return { navigated: await services.warnings.navigate(tabId, realSite(verdict).realSiteUrl) };
  };

/** "Continue anyway": remembered for the site (registrable domain); the banner and the guard stay. */
export const warningContinue =
  (services: Services): UiHandlers['ui:warning-continue'] =>
  async ({ tabId }) => {
    const { url, verdict } = await stopped(services, tabId);
    await services.warnings.passed.add(verdict.target.registrableDomain);
    return { navigated: await services.warnings.navigate(tabId, url) };
  };
