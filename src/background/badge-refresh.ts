/** Sets the toolbar badge of one tab, or of every tab, from the guard's verdict on its URL. */
import { badgeFor } from './badge';
import type { GuardHolder } from './guard-holder';

export interface BadgeBrowser {
  action: {
    setBadgeText(details: { tabId: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
    setTitle(details: { tabId: number; title: string }): Promise<void>;
  };
  tabs: { query(query: Record<string, never>): Promise<{ id?: number; url?: string }[]> };
}

export function badgeRefresher(browser: BadgeBrowser, guard: GuardHolder) {
  const one = async (tabId: number, url: string | undefined): Promise<void> => {
    const look = badgeFor(guard.current().verdict(url ?? ''));
    // A tab that closed meanwhile rejects: nothing to show there any more.
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: look.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
      browser.action.setTitle({ tabId, title: look.title }),
    ]).catch(() => undefined);
  };
  const all = async (): Promise<void> => {
    const tabs = await browser.tabs.query({}).catch(() => []);
    for (const tab of tabs) if (tab.id !== undefined) await one(tab.id, tab.url);
  };
  return { one, all };
}
