/** The popup's view of "Continue anyway" for its tab's site, and its undo. */
import { warningLevel } from '../../core/policy/warning-level';
import type { WarningStatus } from '../../messaging/protocol';
import type { UiHandlers } from '../../messaging/router';
import type { Services } from '../services';

/** The popup's page is the one in front, as the browser has it (never a tab named in a message). */
async function statusOf(services: Services): Promise<WarningStatus> {
  const url = (await services.frontTab())?.url;
  const verdict = services.guard.current().verdict(url ?? '');
  if (verdict.kind !== 'lookalike') return { interstitial: false, skipped: false };
  const site = verdict.target.registrableDomain;
  const interstitial = warningLevel(verdict) === 'interstitial';
  return { interstitial, skipped: interstitial && (await services.warnings.passed.has(site)), site: verdict.target.unicodeRegistrableDomain };
}

export const warningStatus =
  (services: Services): UiHandlers['ui:warning-status'] =>
  async () => statusOf(services);

export const warningForget =
  (services: Services): UiHandlers['ui:warning-forget'] =>
  async () => {
    const url = (await services.frontTab())?.url;
    const verdict = services.guard.current().verdict(url ?? '');
    if (verdict.kind === 'lookalike') await services.warnings.passed.remove(verdict.target.registrableDomain);
    return statusOf(services);
  };
