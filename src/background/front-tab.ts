/**
 * "The page in front" as the browser has it, never as a message names it: the active tab of the
 * last focused normal window. The toolbar popup belongs to the window it was opened from (and closes
 * when that window loses focus), so this is the page it was opened over; an extension page opened in
 * a window of its own (type "popup") stands in front of that same normal window.
 */
export interface FrontTab {
  id: number;
  url: string;
}

export interface FrontTabBrowser {
  // `object`: the polyfill's types omit windowTypes, which Chromium and Firefox both accept here.
  windows: { getLastFocused(info: object): Promise<{ id?: number; type?: string }> };
  tabs: { query(query: { active: true; windowId: number }): Promise<{ id?: number; url?: string }[]> };
}

/** Undefined when the browser cannot say (no window, no tab, no URL): callers refuse then. */
export async function frontTab(browser: FrontTabBrowser): Promise<FrontTab | undefined> {
  try {
    const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
    // A browser that ignored the filter may name the extension's own popup window: refuse then.
    if (window.id === undefined || window.type !== 'normal') return undefined;
    const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
    return tab?.id !== undefined && typeof tab.url === 'string' && tab.url !== '' ? { id: tab.id, url: tab.url } : undefined;
  } catch {
    return undefined;
  }
}
