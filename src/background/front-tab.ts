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
  windows: {
    getLastFocused(info: object): Promise<{ id?: number; type?: string }>;
    getAll?(info: object): Promise<{ id?: number; type?: string; focused?: boolean }[]>;
  };
  tabs: { query(query: { active: true; windowId: number }): Promise<{ id?: number; url?: string }[]> };
  /** Whether the site access is still granted (Firefox lets the user withdraw it): see HIDDEN_PAGE_URL. */
  permissions?: { contains(query: { origins: string[] }): Promise<boolean> };
}

const WEB_ORIGINS = ['http://*/*', 'https://*/*'];

/**
 * The normal window in front. Firefox answers getLastFocused with the extension's own popup-type window
 * when that has the focus (it ignores the filter there): then the focused normal window, or the only one.
 */
async function frontWindowId(browser: FrontTabBrowser): Promise<number | undefined> {
  const last = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  if (last.id !== undefined && last.type === 'normal') return last.id;
  const normal = ((await browser.windows.getAll?.({ windowTypes: ['normal'] })) ?? []).filter((window) => window.type === 'normal');
  const focused = normal.filter((window) => window.focused);
  const only = focused.length === 1 ? focused[0] : normal.length === 1 ? normal[0] : undefined;
  return only?.id;
}

/**
 * What stands for a tab whose address the browser does not show us. OTP Guard has host permissions for http and
 * https pages only (no `tabs` permission), so the browser hides the URL of its own pages (chrome://, the new-tab
 * page), of files and of other extensions: none of them is a website, and every decision treats them as one would
 * treat about:blank — "not a website", never an error and never a site's verdict.
 */
export const HIDDEN_PAGE_URL = 'about:blank';

/** Undefined when the browser cannot say (no window, several candidates, no tab): callers refuse then. */
export async function frontTab(browser: FrontTabBrowser): Promise<FrontTab | undefined> {
  try {
    const windowId = await frontWindowId(browser);
    if (windowId === undefined) return undefined;
    const [tab] = await browser.tabs.query({ active: true, windowId });
    if (tab?.id === undefined) return undefined;
    if (typeof tab.url === 'string' && tab.url !== '') return { id: tab.id, url: tab.url };
    // A hidden address means "not a website" only while OTP Guard may read web pages' addresses. With the site
    // access withdrawn every page hides its address, a lookalike too: then the page in front is unknown (fail closed).
    const webAccess = (await browser.permissions?.contains({ origins: WEB_ORIGINS }).catch(() => false)) ?? true;
    return webAccess ? { id: tab.id, url: HIDDEN_PAGE_URL } : undefined;
  } catch {
    return undefined;
  }
}
