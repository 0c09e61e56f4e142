/**
 * The interstitial when the navigation itself has to wake the background (Chromium stops an idle
 * service worker after 30 s): how long the lookalike page runs before OTP Guard's warning page replaces
 * it. Per load, all times in ms after the test started the navigation (the same machine clock):
 * - worker: the worker's global was created (the browser's wake; not our code);
 * - ran: the lookalike's first script ran (absent: it never ran);
 * - decided: the warning page's navigation started (our tabs.update, after the verdict);
 * - shown: the warning page's script ran.
 * Needs a build (node scripts/build.mjs); `npx tsx bench/interstitial.ts --wake`.
 */
import type { Page } from 'playwright-core';
import { type Harness, launchHarness } from '../tests/e2e/harness/browser';
import { startNavigation, warningPageUrl } from '../tests/e2e/harness/interstitial';

const LOADS = 7;
const LOOKALIKE = 'amazon.com.verify-id.shop';
const RECORDER = `<!doctype html><html><head><meta charset="utf-8"><title>Sign-In</title>
<script>console.log('ranAt ' + (performance.timeOrigin + performance.now()));</script></head><body>Sign in</body></html>`;

export interface WakeLoad {
  worker: number;
  ran?: number;
  decided: number;
  shown: number;
}

async function waitForWarning(harness: Harness, page: Page): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!page.url().startsWith(warningPageUrl(harness))) {
    if (Date.now() > deadline) throw new Error(`no warning page; the tab is at ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await page.waitForLoadState('domcontentloaded');
}

async function oneLoad(harness: Harness, path: string): Promise<WakeLoad> {
  const page = await harness.context.newPage();
  let ranAt: number | undefined;
  // The lookalike's own record: its console survives the page being replaced.
  page.on('console', (message) => {
    const [word, at] = message.text().split(' ');
    if (word === 'ranAt' && ranAt === undefined) ranAt = Number(at);
  });
  // Stopped after the new tab's own events (they would wake it), so the navigation is what wakes it.
  await harness.stopServiceWorker();
  const started = Date.now();
  void startNavigation(page, `https://${LOOKALIKE}${path}`);
  await waitForWarning(harness, page);
  const warning = await page.evaluate(() => ({ origin: performance.timeOrigin, ran: performance.timeOrigin + performance.now() }));
  const worker = await (await harness.serviceWorker()).evaluate(() => performance.timeOrigin);
  await page.close();
  return { worker: worker - started, ...(ranAt === undefined ? {} : { ran: ranAt - started }), decided: warning.origin - started, shown: warning.ran - started };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const span = (values: number[]) => (values.length ? `median ${median(values).toFixed(0)}, ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}` : 'never');

export async function runWakeBench(loads = LOADS): Promise<void> {
  console.log(`\nInterstitial with the background asleep (Chromium, ${loads} loads; ms after the navigation started)`);
  let harness: Harness;
  try {
    harness = await launchHarness();
  } catch (error) {
    console.log(`  (skipped: ${(error as Error).message.split('\n')[0]})`);
    return;
  }
  try {
    harness.server.serve(LOOKALIKE, '/login', RECORDER);
    const all: WakeLoad[] = [];
    for (let i = 0; i < loads; i++) all.push(await oneLoad(harness, '/login'));
    // A worker the browser started before the navigation (for another event) did not wake for it: left out.
    const runs = all.filter((run) => run.worker >= 0);
    if (runs.length < all.length) console.log(`  (${all.length - runs.length} of ${loads} loads left out: the worker was already running)`);
    const ran = runs.flatMap((run) => (run.ran === undefined ? [] : [run.ran]));
    console.log(`  worker woken: ${span(runs.map((run) => run.worker))}`);
    console.log(`  lookalike's script ran in ${ran.length} of ${runs.length} loads: ${span(ran)}`);
    console.log(`  warning page's navigation started (our decision): ${span(runs.map((run) => run.decided))}`);
    console.log(`  warning page shown: ${span(runs.map((run) => run.shown))}`);
    console.log(`  decision after the worker woke: ${span(runs.map((run) => run.decided - run.worker))}`);
  } finally {
    await harness.close();
  }
}
