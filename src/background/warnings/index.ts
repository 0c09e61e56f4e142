/** What the warning handlers use: built once in interstitial.ts over the browser APIs (fakes in tests). */
import type { BlockedTabs } from './blocked-tabs';
import type { HeldCodeConfirmations } from './held-codes';
import type { PassedSites } from './passed-sites';

export interface WarningServices {
  passed: PassedSites;
  blocked: BlockedTabs;
  heldCodes: HeldCodeConfirmations;
  /** Sends a tab to a URL (tabs.update from the background: no page can do it, no web-accessible page). */
  navigate(tabId: number, url: string): Promise<boolean>;
}
