import { describe, expect, it } from 'vitest';
import type Browser from 'webextension-polyfill';
import { createGuardHolder } from '../../src/background/guard-holder';
import { warningContinue, warningDescribe, warningGo } from '../../src/background/handlers/warning-page';
import { warningForget, warningStatus } from '../../src/background/handlers/warning-memory';
import { createWarningServices, registerInterstitial, WARNING_PAGE } from '../../src/background/interstitial';
import type { Services } from '../../src/background/services';
import { PASSED_SITES_KEY } from '../../src/background/warnings/passed-sites';

type Listener = (...args: never[]) => unknown;
function event() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    fire: (...args: unknown[]) => {
      for (const listener of listeners) (listener as (...a: unknown[]) => unknown)(...args);
    },
  };
}
function area() {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key: string) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items: Record<string, unknown>) {
      Object.assign(data, structuredClone(items));
    },
  };
}

const BASE = 'chrome-extension://abc/';
function fakeBrowser(options: { webNavigation?: boolean } = {}) {
  const updates: { tabId: number; url: string }[] = [];
  const tabUrls = new Map<number, string>();
  const browser = {
    runtime: { getURL: (path: string) => `${BASE}${path}` },
    webNavigation: options.webNavigation === false ? undefined : { onBeforeNavigate: event(), onCommitted: event() },
    tabs: {
      onUpdated: event(),
      onRemoved: event(),
      async update(tabId: number, { url }: { url: string }) {
        updates.push({ tabId, url });
        tabUrls.set(tabId, url);
        return {};
      },
    },
    windows: { onRemoved: event(), create: async () => ({ id: 1 }), remove: async () => undefined },
  };
  return { browser, updates, tabUrls };
}

function setup(options: { webNavigation?: boolean } = {}) {
  const fake = fakeBrowser(options);
  const guard = createGuardHolder();
  const local = area();
  const session = area();
  const warnings = createWarningServices(fake.browser as unknown as Browser.Browser, local, session, () => 'request-0001');
  registerInterstitial(fake.browser as unknown as Browser.Browser, guard, warnings);
  // The popup's page is the tab in front: the test names it through `front.id`, as the browser would.
  const front = { id: 0 };
  const services = {
    guard,
    warnings,
    tabUrl: async (tabId: number) => fake.tabUrls.get(tabId),
    frontTab: async () => {
      const url = fake.tabUrls.get(front.id);
      return url ? { id: front.id, url } : undefined;
    },
  } as unknown as Services;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const navigate = async (tabId: number, url: string, more: object = {}) => {
    fake.browser.webNavigation?.onBeforeNavigate.fire({ tabId, frameId: 0, url, parentFrameId: -1, timeStamp: 0, ...more });
    await settle();
  };
  return { ...fake, guard, local, session, warnings, services, navigate, settle, front };
}
const page = { role: 'extension-page', page: WARNING_PAGE } as const;
const WARNING_URL = `${BASE}${WARNING_PAGE}`;

describe('the interstitial (background)', () => {
  it('sends a tab starting to open a high-confidence lookalike to the warning page', async () => {
    const { navigate, updates, warnings } = setup();
    await navigate(4, 'https://www.xn--mazon-3ve.com/ap/signin?x=1');
    expect(updates).toEqual([{ tabId: 4, url: WARNING_URL }]);
    expect(await warnings.blocked.get(4)).toBe('https://www.xn--mazon-3ve.com/ap/signin?x=1');
  });

  it('sends the tab away for the detector\'s high confidence too (brand + phishing words)', async () => {
    const { navigate, updates, warnings } = setup();
    await navigate(5, 'https://amazon-account-verify.com/ap/setup');
    expect(updates).toEqual([{ tabId: 5, url: WARNING_URL }]);
    expect(await warnings.blocked.get(5)).toBe('https://amazon-account-verify.com/ap/setup');
  });

  it.each([
    'https://www.amazon.com/',
    'https://amazon-deals.xyz/ap/mfa', // medium: banner and badge only
    'https://amazon.science/', // low: badge only
    'https://shop.example.com/',
    'chrome://newtab/',
  ])('leaves %s alone', async (url) => {
    const { navigate, updates } = setup();
    await navigate(4, url);
    expect(updates).toEqual([]);
  });

  it('a navigation that wakes the worker waits for the trusted sites: a site the user trusted gets no warning page', async () => {
    for (const outcome of ['read', 'failed'] as const) {
      const fake = fakeBrowser();
      const guard = createGuardHolder();
      const warnings = createWarningServices(fake.browser as unknown as Browser.Browser, area(), area(), () => 'r');
      let finish = (): void => undefined;
      const rulesReady = new Promise<void>((resolve, reject) => {
        finish = () => {
          if (outcome === 'read') {
            guard.setTrustedSites(['amazon-account-verify.com']);
            resolve();
          } else reject(new Error('storage down'));
        };
      });
      registerInterstitial(fake.browser as unknown as Browser.Browser, guard, warnings, rulesReady);
      fake.browser.webNavigation?.onBeforeNavigate.fire({ tabId: 7, frameId: 0, url: 'https://amazon-account-verify.com/', parentFrameId: -1, timeStamp: 0 });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(fake.updates).toEqual([]); // not decided before the rules are in
      finish();
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Trusted: left alone. The read failed: judged without the list, so warned (fail closed).
      expect(fake.updates).toEqual(outcome === 'read' ? [] : [{ tabId: 7, url: WARNING_URL }]);
    }
  });

  it('ignores frames, prerendering and tab-less navigations', async () => {
    const { browser, navigate, updates, settle } = setup();
    browser.webNavigation?.onBeforeNavigate.fire({ tabId: 4, frameId: 3, url: 'https://www.xn--mazon-3ve.com/' });
    await navigate(4, 'https://www.xn--mazon-3ve.com/', { documentLifecycle: 'prerender' });
    await navigate(-1, 'https://www.xn--mazon-3ve.com/');
    await settle();
    expect(updates).toEqual([]);
  });

  it('also stops a lookalike reached by a server redirect (onCommitted)', async () => {
    const { browser, updates, settle } = setup();
    browser.webNavigation?.onCommitted.fire({ tabId: 5, frameId: 0, url: 'https://amazon.com.verify-id.shop/' });
    await settle();
    expect(updates).toEqual([{ tabId: 5, url: WARNING_URL }]);
  });

  it('sends the tab once when several events report one navigation', async () => {
    const { browser, navigate, updates, settle } = setup();
    await navigate(5, 'https://www.xn--mazon-3ve.com/');
    browser.webNavigation?.onCommitted.fire({ tabId: 5, frameId: 0, url: 'https://www.xn--mazon-3ve.com/' });
    browser.tabs.onUpdated.fire(5, { url: 'https://www.xn--mazon-3ve.com/' }, {});
    await settle();
    expect(updates).toEqual([{ tabId: 5, url: WARNING_URL }]);
  });

  it('stops a prerendered lookalike when it is shown (the tab’s URL changes)', async () => {
    const { browser, navigate, updates, settle } = setup();
    await navigate(5, 'https://www.xn--mazon-3ve.com/', { documentLifecycle: 'prerender' });
    expect(updates).toEqual([]);
    browser.tabs.onUpdated.fire(5, { url: 'https://www.xn--mazon-3ve.com/' }, {});
    await settle();
    expect(updates).toEqual([{ tabId: 5, url: WARNING_URL }]);
  });

  it('falls back to tabs.onUpdated without webNavigation', async () => {
    const { browser, updates, settle } = setup({ webNavigation: false });
    browser.tabs.onUpdated.fire(6, { url: 'https://www.xn--mazon-3ve.com/' }, {});
    await settle();
    expect(updates).toEqual([{ tabId: 6, url: WARNING_URL }]);
  });

  it('the warning page describes the stopped page from the background’s record only', async () => {
    const { navigate, services } = setup();
    await expect(warningDescribe(services)({ type: 'ui:warning-describe' }, { ...page, tabId: 4 })).rejects.toMatchObject({ code: 'nothing-stopped' });
    await navigate(4, 'https://www.xn--mazon-3ve.com/');
    const report = await warningDescribe(services)({ type: 'ui:warning-describe' }, { ...page, tabId: 4 });
    expect(report.realSiteName).toBe('amazon.com');
    expect(report.realSiteUrl).toBe('https://amazon.com/');
    expect(report.page.unicodeHost).toBe('www.\u0430mazon.com');
    expect(report.page.confusables).toEqual([{ index: 4, char: '\u0430', looksLike: 'a' }]);
  });

  it('"Go to amazon.com" sends the tab to the real site', async () => {
    const fake = setup();
    const { navigate, services, updates, warnings, settle } = fake;
    await navigate(4, 'https://www.xn--mazon-3ve.com/');
    expect(await warningGo(services)({ type: 'ui:warning-go' }, { ...page, tabId: 4 })).toEqual({ navigated: true });
    expect(updates.at(-1)).toEqual({ tabId: 4, url: 'https://amazon.com/' });
    // Back to the warning page still shows the warning.
    expect((await warningDescribe(services)({ type: 'ui:warning-describe' }, { ...page, tabId: 4 })).realSiteName).toBe('amazon.com');
    // A closed tab is forgotten.
    (fake.browser.tabs.onRemoved as ReturnType<typeof event>).fire(4);
    await settle();
    expect(await warnings.blocked.get(4)).toBeUndefined();
  });

  it('"Continue anyway" opens the page, is remembered per site, and can be undone', async () => {
    const { navigate, services, updates, local, front } = setup();
    await navigate(4, 'https://www.xn--mazon-3ve.com/deal');
    await warningContinue(services)({ type: 'ui:warning-continue' }, { ...page, tabId: 4 });
    expect(updates.at(-1)).toEqual({ tabId: 4, url: 'https://www.xn--mazon-3ve.com/deal' });
    expect(local.data[PASSED_SITES_KEY]).toEqual(['xn--mazon-3ve.com']);
    // The navigation that follows, and any later one to the same site, is not stopped.
    const before = updates.length;
    await navigate(4, 'https://www.xn--mazon-3ve.com/deal');
    await navigate(9, 'https://login.xn--mazon-3ve.com/');
    expect(updates).toHaveLength(before);
    // Another lookalike still is.
    await navigate(9, 'https://amazon.com.verify-id.shop/');
    expect(updates.at(-1)).toEqual({ tabId: 9, url: WARNING_URL });
    // The popup shows it and undoes it.
    front.id = 4;
    const status = await warningStatus(services)({ type: 'ui:warning-status' }, page);
    expect(status).toEqual({ interstitial: true, skipped: true, site: '\u0430mazon.com' });
    expect(await warningForget(services)({ type: 'ui:warning-forget' }, page)).toMatchObject({ skipped: false });
    await navigate(4, 'https://www.xn--mazon-3ve.com/deal');
    expect(updates.at(-1)).toEqual({ tabId: 4, url: WARNING_URL });
  });

  it('the popup status says nothing for pages without an interstitial', async () => {
    const { services, tabUrls, front } = setup();
    front.id = 3;
    tabUrls.set(3, 'https://amazon-deals.xyz/');
    expect(await warningStatus(services)({ type: 'ui:warning-status' }, page)).toEqual({ interstitial: false, skipped: false, site: 'amazon-deals.xyz' });
    tabUrls.set(3, 'https://www.amazon.com/');
    expect(await warningStatus(services)({ type: 'ui:warning-status' }, page)).toEqual({ interstitial: false, skipped: false });
  });

  it('a restarted worker still knows which page the tab was stopped from', async () => {
    const first = setup();
    await first.navigate(4, 'https://www.xn--mazon-3ve.com/x');
    const again = createWarningServices(fakeBrowser().browser as unknown as Browser.Browser, first.local, first.session, () => 'r');
    expect(await again.blocked.get(4)).toBe('https://www.xn--mazon-3ve.com/x');
  });
});
