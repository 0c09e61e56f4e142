/**
 * Popup codes list. Two parts:
 * 1. Preact into a happy-dom document, 200 accounts: first render, re-render with new codes, one countdown tick.
 * 2. The built popup in Chromium (issue 13's contract): first paint and "content visible" (the first account row,
 *    or the empty-list text) at 0, 200 and 1,000 accounts in a real vault, median and spread of 5 opens each.
 * Run alone with `node scripts/build.mjs && npx tsx bench/popup.ts`.
 */
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { pathToFileURL } from 'node:url';
import type { AccountsList, AccountView } from '../src/messaging/protocol';
import { createMockClient } from '../src/popup/client-mock';
import type { Platform } from '../src/popup/platform';
import { ServicesContext } from '../src/popup/services';
import { SecondTicker } from '../src/popup/ticker';
import { CodesList } from '../src/popup/views/codes-list';
import { runChromiumPopupBench } from './popup-chromium';

const ACCOUNTS = 200;
const RUNS = 15;

function makeList(round: number): AccountsList {
  const accounts: AccountView[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    accounts.push({
      id: `acc-${i}`,
      issuer: `Service ${i}`,
      accountName: `user${i}@example.com`,
      kind: i % 25 === 0 ? 'hotp' : 'totp',
      digits: i % 10 === 0 ? 8 : 6,
      period: 30,
      domains: [`service${i}.example`],
      code: String((i * 7919 + round * 104729) % 1_000_000).padStart(6, '0'),
      secondsRemaining: 25,
      warnings: [],
    });
  }
  return { revision: round, accounts, damaged: [], readOnly: false, backupReminder: false };
}

/** A platform whose one-second timer the bench fires by hand. */
function manualPlatform() {
  const everyCallbacks = new Set<() => void>();
  let now = 0;
  const platform: Platform = {
    clipboard: { canRead: false, write: async () => undefined, read: async () => '' },
    timers: {
      after: () => () => undefined,
      every: (_ms, run) => {
        everyCallbacks.add(run);
        return () => everyCallbacks.delete(run);
      },
      now: () => now,
    },
    readFileAsDataUrl: async () => '',
    readFileAsText: async () => '',
    downloadText: () => undefined,
    openOptions: () => undefined,
  };
  return {
    platform,
    tick() {
      now += 1000;
      for (const run of everyCallbacks) run();
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Lets Preact run debounced renders (microtasks) and effects deferred to a timer. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function runPopupBench(): Promise<void> {
  const window = new Window();
  const document = window.document;
  const client = createMockClient({});
  const firstRenders: number[] = [];
  const reRenders: number[] = [];
  const ticks: number[] = [];

  for (let run = 0; run < RUNS; run++) {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const manual = manualPlatform();
    const ticker = new SecondTicker(manual.platform.timers);
    const view = (list: AccountsList) =>
      h(
        ServicesContext.Provider,
        { value: { client, platform: manual.platform } },
        h(CodesList, { list, fetchedAt: 0, ticker, reload: async () => undefined }),
      );

    let start = performance.now();
    render(view(makeList(run * 2)), container as unknown as Element);
    firstRenders.push(performance.now() - start);
    await flush();

    start = performance.now();
    render(view(makeList(run * 2 + 1)), container as unknown as Element);
    reRenders.push(performance.now() - start);
    await flush();

    start = performance.now();
    manual.tick();
    await flush();
    ticks.push(performance.now() - start);

    // From 60 rows on only a window of rows is in the DOM (windowed-rows.ts); it must not be empty.
    if (container.querySelectorAll('[data-testid="account-row"]').length === 0) {
      throw new Error('The bench rendered no row.');
    }
    render(null, container as unknown as Element);
    container.remove();
  }
  await window.happyDOM.close();

  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`popup codes list, ${ACCOUNTS} accounts, happy-dom, median of ${RUNS}:`);
  console.log(`  first render         ${ms(median(firstRenders))}`);
  console.log(`  re-render, new codes ${ms(median(reRenders))}`);
  console.log(`  one countdown tick   ${ms(median(ticks))} (only the countdowns re-render)`);
  await runChromiumPopupBench();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runPopupBench();
}
