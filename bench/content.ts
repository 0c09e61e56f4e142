/**
 * Content script costs, measured in Chromium on the built extension (dist/chrome):
 * - main-thread time it takes on a large page (~5,000 elements), from a CPU profile of the page, on an
 *   unknown host (base script only) and on a verified host (base + engine, which scans for code fields);
 * - time from an OTP field appearing (inserted by page script) to the code being in it;
 * - main-thread time on hostile pages with 10,000 and 100,000 visible inputs (tests/e2e/fixtures/hostile/many-inputs.html),
 *   on a lookalike and on the verified site: the scans are bounded, so this must stay around 100 ms or less.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { type Harness, launchHarness } from '../tests/e2e/harness/browser';
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

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}

export interface ContentCost {
  /** Main-thread milliseconds in samples whose stack has a frame of ours. */
  ms: number;
  /** Where those samples were, heaviest first: the innermost frame (ours or a browser built-in it called). */
  top: string[];
}

const frameName = (node: ProfileNode, extensionId: string) => {
  const { url, functionName, lineNumber } = node.callFrame;
  const file = url.replace(`chrome-extension://${extensionId}/`, '');
  return url ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName || '(native)';
};

/**
 * Main-thread time spent in OTP Guard's content scripts during one load: a CPU profile of the page's
 * renderer (sampled every 50 µs), counting every sample whose stack has a frame from the extension
 * (so DOM calls made by our code count too, a style or layout they force included).
 */
async function contentScriptTime(context: BrowserContext, url: string, extensionId: string, settleMs = 800): Promise<ContentCost> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(settleMs); // let the engine's scans settle
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((node: ProfileNode) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of nodes.values()) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const own = nodes.get(id)?.callFrame.url.startsWith(`chrome-extension://${extensionId}/`) ?? false;
    const result = own || (up !== undefined && isOurs(up));
    ours.set(id, result);
    return result;
  };
  let micros = 0;
  const byFrame = new Map<string, number>();
  const samples: number[] = profile.samples ?? [];
  const deltas: number[] = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    if (!isOurs(id)) continue;
    const delta = deltas[i + 1] ?? 0;
    micros += delta;
    const leaf = nodes.get(id);
    const name = leaf ? frameName(leaf, extensionId) : '?';
    byFrame.set(name, (byFrame.get(name) ?? 0) + delta);
  }
  const top = [...byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, us]) => `${(us / 1000).toFixed(1)} ms ${name}`);
  return { ms: micros / 1000, top };
}

/** Loads per hostile page (≥ 5: the median and the max are both reported). */
const MANY_RUNS = 5;
/** A lookalike that keeps the page (medium confidence: banner, guard and engine run; no warning page). */
const MANY_LOOKALIKE = 'amazon-deals.xyz';

async function manyInputs(harness: Harness): Promise<string[]> {
  const lines: string[] = [];
  for (const count of [10_000, 100_000]) {
    for (const host of [MANY_LOOKALIKE, 'www.amazon.com']) {
      const runs: ContentCost[] = [];
      for (let i = 0; i < MANY_RUNS; i++) runs.push(await contentScriptTime(harness.context, `https://${host}/hostile/many-inputs?n=${count}`, harness.extensionId, 3000));
      const times = runs.map((run) => run.ms);
      const slowest = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
      lines.push(
        `${count.toLocaleString('en')} inputs on ${host}: median ${median(times).toFixed(1)} ms, max ${slowest.ms.toFixed(1)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')})`,
      );
      lines.push(`    slowest run: ${slowest.top.join('; ')}`);
    }
  }
  return lines;
}

function printMany(lines: string[]): void {
  console.log(`\n## Content script on pages with very many inputs (main-thread time in OTP Guard's scripts, load + 3 s, ${MANY_RUNS} loads each)`);
  for (const line of lines) console.log(line);
}

/** `onlyMany`: just the hostile pages (`npx tsx bench/content.ts --many`). */
export async function runContentBench(onlyMany = false): Promise<void> {
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
    const hostile = (name: string) => readFileSync(join(import.meta.dirname, '..', 'tests', 'e2e', 'fixtures', 'hostile', name), 'utf8');
    harness.server.serve('*', '/hostile/recorder.js', { body: hostile('recorder.js'), contentType: 'text/javascript' });
    harness.server.serve('*', '/hostile/many-inputs', hostile('many-inputs.html'));
    const popup = await createVaultThroughPopup(harness);
    await enrolLink(popup, 'otpauth://totp/Amazon:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Amazon', ['amazon.com']);
    await popup.close();
    if (onlyMany) {
      printMany(await manyInputs(harness));
      return;
    }

    const measure = async (url: string) => {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push((await contentScriptTime(harness.context, url, harness.extensionId)).ms);
      return median(runs);
    };
    const unknownSite = await measure('https://shop.example.com/big');
    const verifiedSite = await measure('https://www.amazon.com/big');

    const fillTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await harness.context.newPage();
      await page.goto('https://www.amazon.com/verify');
      await page.waitForTimeout(300); // the engine is in place before the field appears
      fillTimes.push(await page.evaluate(() => (window as unknown as { measureFill(): Promise<number> }).measureFill()));
      await page.close();
    }
    // Hostile pages: 10,000 and 100,000 visible inputs, on a lookalike (guard + engine) and on the verified
    // site (engine fills). The scan is bounded, so the total stays flat.
    printMany(await manyInputs(harness));

    console.log('\n## Content script in Chromium (5,000-element page, median of', RUNS, 'loads)');
    console.log(`main-thread time in OTP Guard's scripts, unknown site (base script only): ${unknownSite.toFixed(2)} ms`);
    console.log(`main-thread time in OTP Guard's scripts, verified site (base + engine + field scans): ${verifiedSite.toFixed(2)} ms`);
    console.log(`field appears → code filled: median ${median(fillTimes).toFixed(1)} ms (min ${Math.min(...fillTimes).toFixed(1)}, max ${Math.max(...fillTimes).toFixed(1)})`);
  } finally {
    await harness.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runContentBench(process.argv.includes('--many'));
