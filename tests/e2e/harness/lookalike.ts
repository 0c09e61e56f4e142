/**
 * Visiting lookalike pages in the shared scenarios (either browser). A high-confidence lookalike gets OTP Guard's
 * warning page (the interstitial) instead of the site; a scenario about what happens ON the page passes it the way
 * a user does ("Continue anyway"), so it holds whichever level the detector gives the host.
 */
import type { Driver, DriverPage } from './driver';
import { click, countOf, located, until } from './ui';

export const WARNING_PAGE = 'src/warning/index.html';

export const warningPageUrl = (driver: Driver) => driver.extensionUrl(WARNING_PAGE);

const onWarningPage = async (driver: Driver, page: DriverPage) => (await page.location()).startsWith(warningPageUrl(driver));

/** Waits until the tab shows OTP Guard's warning page, ready for a choice. */
export async function waitForWarningPage(driver: Driver, page: DriverPage, timeoutMs = 15_000): Promise<void> {
  await until(() => onWarningPage(driver, page), 'the warning page', timeoutMs);
  await located(page, { button: 'Continue anyway' }, timeoutMs);
}

/** Waits until the tab's document is at `url` and loaded. */
export async function waitForLoadAt(page: DriverPage, url: string, timeoutMs = 15_000): Promise<void> {
  await until(
    async () => (await page.location()) === url && (await page.evaluate(() => document.readyState === 'complete')),
    `the tab to load ${url}`,
    timeoutMs,
  );
}

/** The banner is there: the page got its verdict (the default sign that a lookalike visit has settled). */
export const bannerShown = async (page: DriverPage) => (await countOf(page, 'otp-guard-banner')) > 0;

/**
 * Opens a lookalike at `url` in a new tab; if OTP Guard's warning page comes instead, clicks "Continue anyway".
 * Returns once the page is loaded and `ready` holds (by default: the lookalike banner shows).
 */
export async function openLookalike(
  driver: Driver,
  url: string,
  options: { ready?: (page: DriverPage) => Promise<boolean>; timeoutMs?: number } = {},
): Promise<DriverPage> {
  const { ready = bannerShown, timeoutMs = 15_000 } = options;
  const page = await driver.newTab();
  await page.navigate(url);
  const seen = await until(
    async () => {
      if (await onWarningPage(driver, page)) return 'warning' as const;
      if ((await page.location()) !== url) return null;
      return (await page.evaluate(() => document.readyState === 'complete')) && (await ready(page)) ? ('page' as const) : null;
    },
    `${url} or the warning page`,
    timeoutMs,
  );
  if (seen === 'warning') {
    await waitForWarningPage(driver, page);
    await click(page, { button: 'Continue anyway' });
    await waitForLoadAt(page, url, timeoutMs);
    await until(() => ready(page), `${url} to be ready past the warning page`, timeoutMs);
  }
  return page;
}

/** The user closes OTP Guard's held-code windows (each question leaves one open until answered). */
export async function closeQuestionWindows(driver: Driver): Promise<void> {
  await driver.inExtension(async () => {
    type Windows = { getAll(o: object): Promise<{ id?: number; type?: string }[]>; remove(id: number): Promise<void> };
    const api = (globalThis as unknown as { chrome: { windows: Windows } }).chrome;
    for (const window of await api.windows.getAll({ windowTypes: ['popup'] })) {
      if (window.type === 'popup' && window.id !== undefined) await api.windows.remove(window.id).catch(() => undefined);
    }
  });
}
