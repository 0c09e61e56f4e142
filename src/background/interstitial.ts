/**
 * The interstitial: when a tab's top frame starts to navigate to a high-confidence lookalike, the
 * background sends the tab to OTP Guard's own warning page before the site can run or take input. The
 * warning page is an extension page reached by tabs.update, so nothing is web-accessible and no page can
 * open, probe or cover it. Also wires the held-code confirmation windows.
 */
import type Browser from 'webextension-polyfill';
import type { Verdict } from '../core/domain/guard';
import { warningLevel } from '../core/policy/warning-level';
import type { GuardHolder } from './guard-holder';
import { BlockedTabs, type SessionLikeArea } from './warnings/blocked-tabs';
import { HeldCodeConfirmations } from './warnings/held-codes';
import type { WarningServices } from './warnings';
import { PassedSites } from './warnings/passed-sites';
import type { LocalArea } from './settings';

export const WARNING_PAGE = 'src/warning/index.html';
export const CONFIRM_PAGE = 'src/confirm/index.html';
export const INTERSTITIAL_PAGES = [WARNING_PAGE, CONFIRM_PAGE] as const;
/** A held code nobody decided on within this time is discarded. */
const HELD_CODE_TIMEOUT_MS = 3 * 60_000;
/** Events this close together for one tab and URL are one navigation. */
const SAME_NAVIGATION_MS = 2_000;

export function createWarningServices(
  browser: Browser.Browser,
  local: LocalArea,
  session: SessionLikeArea,
  newId: () => string,
): WarningServices {
  return {
    passed: new PassedSites(local),
    blocked: new BlockedTabs(session),
    heldCodes: new HeldCodeConfirmations({
      newId,
      timeoutMs: HELD_CODE_TIMEOUT_MS,
      pageUrl: (requestId) => `${browser.runtime.getURL(CONFIRM_PAGE)}?request=${encodeURIComponent(requestId)}`,
      windows: {
        async open(url) {
          // A window of its own: no page can draw over it or receive the click.
          const created = await browser.windows.create({ url, type: 'popup', width: 460, height: 380, focused: true });
          return created.id;
        },
        close: async (windowId) => {
          await browser.windows.remove(windowId);
        },
      },
    }),
    async navigate(tabId, url) {
      try {
        await browser.tabs.update(tabId, { url });
        return true;
      } catch (error) {
        console.warn('[otp-guard] could not send the tab to', url.split('?')[0], error);
        return false;
      }
    },
  };
}

function highConfidence(guard: GuardHolder, url: string): Extract<Verdict, { kind: 'lookalike' }> | null {
  const verdict = guard.current().verdict(url);
  return verdict.kind === 'lookalike' && warningLevel(verdict) === 'interstitial' ? verdict : null;
}

interface TopNavigation {
  tabId: number;
  frameId: number;
  url: string;
  /** Chromium: 'prerender' for a page loaded in the background, which the user is not on (yet). */
  documentLifecycle?: string;
}

/**
 * `rulesReady`: settles once the guard has the user's own rules read at start (trusted sites). A navigation
 * that wakes the worker comes before that read: it waits for it, or a site the user trusted would get the
 * warning page on every wake. A failed read settles it too (then the page is judged without them: warned).
 */
export function registerInterstitial(
  browser: Browser.Browser,
  guard: GuardHolder,
  warnings: WarningServices,
  rulesReady: Promise<unknown> = Promise.resolve(),
): void {
  const warningPage = browser.runtime.getURL(WARNING_PAGE);
  const recent = new Map<number, { url: string; at: number }>();
  // Ready before the first navigation: the index is built and the list read at start, not on the race.
  warnings.passed.preload();
  // The page's response races this: no awaits on the usual path (verdicts are cached, the lists are in
  // memory), so the tab is sent away before the lookalike commits, and the request it made is dropped.
  let rulesLoaded = false;
  const settled = rulesReady.then(
    () => {
      rulesLoaded = true;
    },
    () => {
      rulesLoaded = true;
    },
  );
  // The index is built once the rules are in (built before, it would be thrown away when they arrive).
  void settled.then(() => guard.current());
  const interrupt = (tabId: number, url: string, start: boolean): Promise<void> =>
    rulesLoaded ? decide(tabId, url, start) : settled.then(() => decide(tabId, url, start));
  const decide = (tabId: number, url: string, start: boolean): Promise<void> => {
    const verdict = tabId >= 0 ? highConfidence(guard, url) : null;
    if (!verdict) return Promise.resolve();
    const send = (): Promise<void> => {
      // A commit or URL change right after the tab was sent away is the same navigation: send it once.
      const last = recent.get(tabId);
      if (!start && last && last.url === url && Date.now() - last.at < SAME_NAVIGATION_MS) return Promise.resolve();
      recent.set(tabId, { url, at: Date.now() });
      void warnings.blocked.set(tabId, url);
      return warnings.navigate(tabId, warningPage).then(() => undefined);
    };
    const site = verdict.target.registrableDomain;
    const passed = warnings.passed.hasNow(site);
    if (passed === undefined) return warnings.passed.has(site).then((known) => (known ? undefined : send()));
    return passed ? Promise.resolve() : send();
  };
  const onTopNavigation = (details: TopNavigation, start = false) => {
    if (details.frameId !== 0 || details.documentLifecycle === 'prerender') return;
    void interrupt(details.tabId, details.url, start).catch((error) => console.warn('[otp-guard] interstitial failed', error));
  };
  const navigation = browser.webNavigation;
  if (navigation) {
    // Before the request goes out; onCommitted catches server redirects to a lookalike.
    navigation.onBeforeNavigate.addListener((details) => onTopNavigation(details, true));
    navigation.onCommitted.addListener((details) => {
      onTopNavigation(details);
      // The asking document is gone: its held-code question too.
      if (details.frameId === 0) warnings.heldCodes.tabGone(details.tabId);
    });
  }
  // The tab's URL change: the only sign without webNavigation, and the one a prerendered page gives
  // when it is shown (its navigation happened earlier, as a 'prerender').
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) onTopNavigation({ tabId, frameId: 0, url: change.url });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    recent.delete(tabId);
    warnings.heldCodes.tabGone(tabId);
    void warnings.blocked.clear(tabId);
  });
  browser.windows?.onRemoved.addListener((windowId) => warnings.heldCodes.windowClosed(windowId));
}
