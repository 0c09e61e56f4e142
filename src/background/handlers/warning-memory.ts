/** The popup's view of "Continue anyway" for its tab's site, and its undo. */
import { warningLevel } from '../../core/policy/warning-level';
import type { WarningStatus } from '../../messaging/protocol';
import type { UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

async function statusOf(services: Services, tabId: number): Promise<WarningStatus> {
  const url = await services.tabUrl(tabId);
  const verdict = services.guard.current().verdict(url ?? '');
  if (verdict.kind !== 'lookalike') return { interstitial: false, skipped: false };
  const site = verdict.target.registrableDomain;
  const interstitial = warningLevel(verdict) === 'interstitial';
  return { interstitial, skipped: interstitial && (await services.warnings.passed.has(site)), site: verdict.target.unicodeRegistrableDomain };
}

export const warningStatus =
  (services: Services): UiHandlers['ui:warning-status'] =>
  async ({ tabId }) => statusOf(services, tabId);

export const warningForget =
  (services: Services): UiHandlers['ui:warning-forget'] =>
  async ({ tabId }) => {
    const url = await services.tabUrl(tabId);
    const verdict = services.guard.current().verdict(url ?? '');
    if (verdict.kind === 'lookalike') await services.warnings.passed.remove(verdict.target.registrableDomain);
    return statusOf(services, tabId);
  };
