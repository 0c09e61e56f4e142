/**
 * Content script costs, measured in Chromium on the built extension (dist/chrome):
 * - main-thread time it adds on a large page (~5,000 elements): CDP ScriptDuration + TaskDuration of the
 *   page, with OTP Guard minus without it, on an unknown host (base script only) and on a verified host
 *   (base + engine, which scans the page for code fields);
 * - time from an OTP field appearing (inserted by page script) to the code being in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, type Harness, launchHarness } from '../tests/e2e/harness/browser';
import { createVaultThroughPopup, enrolLink } from '../tests/e2e/harness/flows';

const RUNS = 9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function bigPage(elements: number): string {
  const rows: string[] = [];
  for (let i = 0; i < elements / 5; i++) {
    rows.push(`<div class="row r${i}"><span>Item ${i}</span><a href="#i${i}">link</a><p>Text ${i}</p><input name="q${i}" type="${i % 50 === 0 ? 'text' : 'hidden'}"></div>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Big page</title></head><body>${rows.join('')}</body></html>`;
}

const FIELD_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Verify</title></head><body><div id="slot"></div>
<script>
window.measureFill = () => new Promise((resolve) => {
  const input = document.createElement('input');
  input.autocomplete = 'one-time-code';
  input.name = 'otp';
  input.addEventListener('input', () => { if (/^\\d{6}$/.test(input.value)) resolve(performance.now() - start); });
  const start = performance.now();
  document.getElementById('slot').replaceChildren(input);
});
</script></body></html>`;

async function pageCost(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(800); // let the engine's scans settle
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  await page.close();
  return (value('ScriptDuration') + value('TaskDuration')) * 1000;
}

async function plainBrowser(harness: Harness): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'otp-guard-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      `--host-resolver-rules=MAP * 127.0.0.1:${harness.server.port}, EXCLUDE localhost`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  return { context, close: async () => (await context.close(), rmSync(profile, { recursive: true, force: true })) };
}

export async function runContentBench(): Promise<void> {
  let harness: Harness;
  try {
    harness = await launchHarness();
  } catch (error) {
    console.log(`\n## Content script in Chromium\n(skipped: ${(error as Error).message.split('\n')[0]})`);
    return;
  }
  try {
    harness.server.serve('*', '/big', bigPage(5000));
    harness.server.serve('www.amazon.com', '/verify', FIELD_PAGE);
    const popup = await createVaultThroughPopup(harness);
    await enrolLink(popup, 'otpauth://totp/Amazon:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Amazon', ['amazon.com']);
    await popup.close();

    const plain = await plainBrowser(harness);
    const measure = async (context: BrowserContext, url: string) => {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await pageCost(context, url));
      return median(runs);
    };
    const unknownWith = await measure(harness.context, 'https://shop.example.com/big');
    const unknownWithout = await measure(plain.context, 'https://shop.example.com/big');
    const verifiedWith = await measure(harness.context, 'https://www.amazon.com/big');
    const verifiedWithout = await measure(plain.context, 'https://www.amazon.com/big');
    await plain.close();

    const fillTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await harness.context.newPage();
      await page.goto('https://www.amazon.com/verify');
      await page.waitForTimeout(300); // the engine is in place before the field appears
      fillTimes.push(await page.evaluate(() => (window as unknown as { measureFill(): Promise<number> }).measureFill()));
      await page.close();
    }
    console.log('\n## Content script in Chromium (5,000-element page, median of', RUNS, 'loads)');
    console.log(`main-thread time added, unknown site (base script only): ${(unknownWith - unknownWithout).toFixed(1)} ms`);
    console.log(`main-thread time added, verified site (base + engine scan): ${(verifiedWith - verifiedWithout).toFixed(1)} ms`);
    console.log(`(page main-thread time without OTP Guard: ${unknownWithout.toFixed(1)} ms)`);
    console.log(`field appears → code filled: median ${median(fillTimes).toFixed(1)} ms (min ${Math.min(...fillTimes).toFixed(1)}, max ${Math.max(...fillTimes).toFixed(1)})`);
  } finally {
    await harness.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runContentBench();
