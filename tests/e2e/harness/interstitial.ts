/** Steps around OTP Guard's warning page (the interstitial) for real-browser tests. */
import type { Page } from 'playwright-core';
import type { Harness } from './browser';

export const warningPageUrl = (harness: Harness) => `chrome-extension://${harness.extensionId}/src/warning/index.html`;

/**
 * Starts a navigation in `page` and does not wait for it: the browser may abort it (the background
 * sends the tab to the warning page instead), which Playwright reports as a failed goto.
 */
export function startNavigation(page: Page, url: string): Promise<unknown> {
  return page.goto(url, { waitUntil: 'commit' }).catch((error: unknown) => error);
}

/** Waits until the tab shows OTP Guard's warning page. */
export async function waitForWarningPage(harness: Harness, page: Page): Promise<void> {
  // Polled: waitForURL gives up on the aborted navigation the warning page replaces.
  const deadline = Date.now() + 10_000;
  while (!page.url().startsWith(warningPageUrl(harness))) {
    if (Date.now() > deadline) throw new Error(`no warning page; the tab is at ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await page.getByRole('button', { name: 'Continue anyway' }).waitFor({ timeout: 10_000 });
}

/** Opens a high-confidence lookalike as the user who clicks "Continue anyway" on the warning page. */
export async function openPastWarning(harness: Harness, url: string): Promise<Page> {
  const page = await harness.context.newPage();
  await startNavigation(page, url);
  // On a busy machine the page may commit first and be sent to the warning page a moment later.
  const settleBy = Date.now() + 1_500;
  while (!page.url().startsWith(warningPageUrl(harness)) && Date.now() < settleBy) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (page.url().startsWith(warningPageUrl(harness))) {
    await waitForWarningPage(harness, page);
    await page.getByRole('button', { name: 'Continue anyway' }).click();
    await waitForUrl(page, url);
  }
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** Waits until the tab is at `url` (polled, like waitForWarningPage). */
export async function waitForUrl(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (page.url() !== url) {
    if (Date.now() > deadline) throw new Error(`the tab is at ${page.url()}, not ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
