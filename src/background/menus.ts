/** Right-click menu ("Fill one-time code", "Check this link") and the fill keyboard shortcut. */
import type Browser from 'webextension-polyfill';
import type { BackgroundToContent } from '../messaging/protocol';
import type { Services } from './services';
import { backgroundWords } from './words';

const FILL_MENU = 'otp-guard-fill';
const CHECK_LINK_MENU = 'otp-guard-check-link';
/** The popup's page, opened in a window of its own on its "check a link" view (the link comes from the background). */
export const CHECK_LINK_PAGE = 'src/popup/index.html#check-link';

type SendToTab = (tabId: number, message: BackgroundToContent, frameId?: number) => Promise<unknown>;

/**
 * "Check this link": the same verdict view as the popup's page panel, in an OTP Guard window no page can draw over.
 * The link is the browser's own click data (info.linkUrl), kept by the background for that window to ask for.
 */
async function showLinkCheck(browser: Browser.Browser, services: Services, linkUrl: string): Promise<void> {
  try {
    await services.menuLink.remember(linkUrl);
    await browser.windows.create({ url: browser.runtime.getURL(CHECK_LINK_PAGE), type: 'popup', width: 420, height: 560, focused: true });
  } catch {
    // No window (e.g. a browser without windows): nothing was shown, nothing to undo.
  }
}

export function registerMenusAndCommands(browser: Browser.Browser, services: Services, sendToTab: SendToTab): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: FILL_MENU, title: backgroundWords().t('menu_fill_code'), contexts: ['editable'] });
      browser.contextMenus.create({ id: CHECK_LINK_MENU, title: backgroundWords().t('menu_check_link'), contexts: ['link'] });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_LINK_MENU && info.linkUrl) {
      void showLinkCheck(browser, services, info.linkUrl);
      return;
    }
    if (tab?.id === undefined) return;
    if (info.menuItemId === FILL_MENU) void sendToTab(tab.id, { type: 'bg:fill-now', overwrite: true }, info.frameId ?? 0);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'fill-code' && tab?.id !== undefined) void sendToTab(tab.id, { type: 'bg:fill-now', overwrite: true });
  });
}
