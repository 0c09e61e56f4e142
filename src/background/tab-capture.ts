/**
 * The capture behind "Scan this page" is of whatever tab is visible in the window: it must be the tab
 * the verdict was for, before and after (a tab switch during the scan would pair one page's verdict
 * with another's image).
 */
import { HandlerError } from '../messaging/router';

export interface CaptureBrowser {
  tabs: {
    get(tabId: number): Promise<{ active: boolean; windowId?: number }>;
    query(query: { active: true; windowId?: number }): Promise<{ id?: number }[]>;
    captureVisibleTab(windowId: number | undefined, options: { format: 'png' }): Promise<string>;
  };
}

export function checkedCapture(browser: CaptureBrowser): (tabId: number) => Promise<string> {
  const activeIn = async (windowId: number | undefined) =>
    (await browser.tabs.query({ active: true, ...(windowId !== undefined ? { windowId } : {}) }))[0]?.id;
  return async (tabId) => {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) throw new HandlerError('not-visible', 'Open the page to scan in front, then scan again.');
    const image = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    if ((await activeIn(tab.windowId)) !== tabId) {
      throw new HandlerError('not-visible', 'The page changed during the scan. Scan again.');
    }
    return image;
  };
}
