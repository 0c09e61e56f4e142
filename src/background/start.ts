/**
 * Wiring only: builds the services over the browser APIs, connects the router to runtime messages,
 * and registers the browser event listeners. Decisions live in src/core; handlers in ./handlers.
 */
import type Browser from 'webextension-polyfill';
import { type ExtensionIdentity, classifySender } from '../messaging/sender';
import { createRouter } from '../messaging/router';
import { createGuardHolder } from './guard-holder';
import { describeTab } from './handlers/describe-tab';
import { hello } from './handlers/hello';
import { createRefusalLog } from './refusal-log';
import type { Services } from './services';

export const EXTENSION_PAGES = ['src/popup/index.html', 'src/options/index.html'] as const;

export function startBackground(browser: Browser.Browser): void {
  const identity: ExtensionIdentity = {
    id: browser.runtime.id,
    baseUrl: browser.runtime.getURL(''),
    pages: EXTENSION_PAGES,
  };
  const services: Services = {
    guard: createGuardHolder(),
    clock: { now: () => Date.now() },
    async tabUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url;
      } catch {
        return undefined;
      }
    },
  };
  const log = createRefusalLog(
    { get: (key) => browser.storage.session.get(key), set: (items) => browser.storage.session.set(items) },
    services.clock.now,
  );
  const route = createRouter({ ui: { 'ui:describe-tab': describeTab(services) }, cs: { 'cs:hello': hello(services) } }, log);

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.Runtime.MessageSender) =>
    route(message, classifySender(sender, identity)),
  );
  // No web page or other extension may talk to OTP Guard; say so in the log if one tries.
  browser.runtime.onMessageExternal?.addListener((message: unknown, sender: Browser.Runtime.MessageSender) => {
    log.refused(`external message from ${sender.id ?? sender.url ?? 'unknown'}`, {
      role: 'refused',
      ...(typeof message === 'object' && message && 'type' in message ? { type: String(message.type).slice(0, 64) } : {}),
    });
    return Promise.resolve({ ok: false, error: { code: 'refused', message: 'Refused.' } });
  });
}
