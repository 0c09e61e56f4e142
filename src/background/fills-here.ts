/**
 * Which accounts would be filled on the page in front: the tab the browser has in front (front-tab.ts,
 * never a page or message), judged by the release rules' most specific bindings on its top-level URL.
 * Display only (the popup's "will be filled here"); every real fill still goes through request-code.
 */
import { pageAccountIds } from '../core/policy/release';
import type { Services } from './services';

export async function accountsFilledInFront(services: Pick<Services, 'frontTab' | 'guard'>): Promise<string[]> {
  const front = await services.frontTab();
  return front ? pageAccountIds(services.guard.releaseRules(), front.url) : [];
}

/** The one account that would be filled on `url`; none on a tie (the page asks which) or when none is bound there. */
export function fillAccountOn(services: Pick<Services, 'guard'>, url: string | undefined): { id: string; label: string } | undefined {
  const ids = pageAccountIds(services.guard.releaseRules(), url);
  if (ids.length !== 1) return undefined;
  const rule = services.guard.accounts().find((account) => account.accountId === ids[0]);
  return rule ? { id: rule.accountId, label: rule.label } : undefined;
}
