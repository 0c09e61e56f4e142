/**
 * The warning page's three messages, for the tab the page is shown in (the browser's sender data); what it shows and where the tab goes
 * come from the background's record of the navigation it stopped, never from the page.
 */
import type { Verdict } from '../../core/domain/guard';
import { type ExtensionPageSender, HandlerError, type UiHandlers } from '../../messaging/router';
import { pageReport } from '../page-report';
import type { Services } from '../services';

type Lookalike = Extract<Verdict, { kind: 'lookalike' }>;

async function stopped(services: Services, tabId: number | undefined): Promise<{ tabId: number; url: string; verdict: Lookalike }> {
  if (tabId === undefined) throw new HandlerError('nothing-stopped', 'This page is not shown in a tab.');
  const url = await services.warnings.blocked.get(tabId);
  const verdict = url ? services.guard.current().verdict(url) : undefined;
  if (!url || verdict?.kind !== 'lookalike') throw new HandlerError('nothing-stopped', 'OTP Guard did not stop a page in this tab.');
  return { tabId, url, verdict };
}

const realSite = (verdict: Lookalike) => ({
  realSiteUrl: `https://${verdict.imitates.primaryDomain}/`,
  realSiteName: verdict.imitates.primaryDomain,
});

export const warningDescribe =
  (services: Services): UiHandlers['ui:warning-describe'] =>
  async (_message, sender: ExtensionPageSender) => {
    const { verdict } = await stopped(services, sender.tabId);
    return { page: pageReport(verdict), ...realSite(verdict) };
  };

export const warningGo =
  (services: Services): UiHandlers['ui:warning-go'] =>
  async (_message, sender: ExtensionPageSender) => {
    // The record stays: Back to the warning page shows the same warning again.
    const { tabId, verdict } = await stopped(services, sender.tabId);
    return { navigated: await services.warnings.navigate(tabId, realSite(verdict).realSiteUrl) };
  };

/** "Continue anyway": remembered for the site (registrable domain); the banner and the guard stay. */
export const warningContinue =
  (services: Services): UiHandlers['ui:warning-continue'] =>
  async (_message, sender: ExtensionPageSender) => {
    const { tabId, url, verdict } = await stopped(services, sender.tabId);
    await services.warnings.passed.add(verdict.target.registrableDomain);
    return { navigated: await services.warnings.navigate(tabId, url) };
  };
