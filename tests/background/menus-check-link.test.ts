/** Right-click "Check this link": the link is the browser's click data, shown in an OTP Guard window. */
import type Browser from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { menuLink } from '../../src/background/handlers/check-link';
import { CHECK_LINK_PAGE, registerMenusAndCommands } from '../../src/background/menus';
import type { ExtensionPageSender } from '../../src/messaging/router';
import { buildBackground } from './fakes';

type Listener = (...args: unknown[]) => void;

function stubBrowser() {
  const clicked: Listener[] = [];
  const created: unknown[] = [];
  const browser = {
    runtime: { onInstalled: { addListener: vi.fn() }, getURL: (path: string) => `chrome-extension://id/${path}` },
    contextMenus: { onClicked: { addListener: (listener: Listener) => clicked.push(listener) } },
    commands: { onCommand: { addListener: vi.fn() } },
    windows: {
      create: vi.fn(async (info: unknown) => {
        created.push(info);
        return {};
      }),
    },
  };
  return { browser: browser as unknown as Browser.Browser, clicked, created };
}

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };

describe('the right-click "Check this link"', () => {
  it('keeps the clicked link and opens the verdict window; nothing is sent into the page', async () => {
    const bg = buildBackground();
    const { browser, clicked, created } = stubBrowser();
    const sendToTab = vi.fn(async () => undefined);
    registerMenusAndCommands(browser, bg.services, sendToTab);
    for (const listener of clicked) listener({ menuItemId: 'otp-guard-check-link', linkUrl: 'https://amazon-account-verify.com/x' }, { id: 4 });
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ url: `chrome-extension://id/${CHECK_LINK_PAGE}`, type: 'popup' });
    expect(sendToTab).not.toHaveBeenCalled();
    const shown = await menuLink(bg.services)({ type: 'ui:menu-link' }, popup);
    expect(shown.checked).toBe('https://amazon-account-verify.com/x');
    expect(shown.report.verdict).toBe('lookalike');
  });
});
