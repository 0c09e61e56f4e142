import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeldCodeConfirmations } from '../../src/background/warnings/held-codes';
import type { HeldCodeQuestion } from '../../src/messaging/protocol';

const question: HeldCodeQuestion = {
  page: { verdict: 'lookalike', reasons: [{ code: 'mixed-script' }], confusables: [], trustedByUser: false, unicodeHost: 'amazon-verify-account.com' },
  headline: 'This is not amazon.com.',
  digits: 6,
};

function setup(options: { openFails?: boolean } = {}) {
  const opened: string[] = [];
  const closed: number[] = [];
  let next = 0;
  let nextWindow = 100;
  const confirmations = new HeldCodeConfirmations({
    newId: () => `request-${++next}`,
    pageUrl: (id) => `chrome-extension://x/src/confirm/index.html?request=${id}`,
    timeoutMs: 60_000,
    windows: {
      async open(url) {
        if (options.openFails) throw new Error('no windows here');
        opened.push(url);
        return nextWindow++;
      },
      async close(id) {
        closed.push(id);
      },
    },
  });
  return { confirmations, opened, closed };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
afterEach(() => vi.useRealTimers());

describe('held-code confirmations (background)', () => {
  it('opens a window for the question and answers with the user’s choice, then closes it', async () => {
    const { confirmations, opened, closed } = setup();
    const answer = confirmations.ask({ tabId: 7, frameId: 0 }, question);
    await tick();
    expect(opened).toEqual(['chrome-extension://x/src/confirm/index.html?request=request-1']);
    expect(confirmations.describe('request-1')).toEqual(question);
    expect(confirmations.decide('request-1', 'enter')).toBe(true);
    await expect(answer).resolves.toBe('enter');
    expect(closed).toEqual([100]);
    expect(confirmations.describe('request-1')).toBeUndefined();
    expect(confirmations.decide('request-1', 'enter')).toBe(false); // once only
  });

  it('an unknown request id decides nothing', async () => {
    const { confirmations } = setup();
    const answer = confirmations.ask({ tabId: 7, frameId: 0 }, question);
    await tick();
    expect(confirmations.decide('request-2', 'enter')).toBe(false);
    expect(confirmations.openCount).toBe(1);
    confirmations.decide('request-1', 'discard');
    await expect(answer).resolves.toBe('discard');
  });

  it('closing the window is a "no"', async () => {
    const { confirmations } = setup();
    const answer = confirmations.ask({ tabId: 7, frameId: 0 }, question);
    await tick();
    confirmations.windowClosed(999);
    expect(confirmations.openCount).toBe(1);
    confirmations.windowClosed(100);
    await expect(answer).resolves.toBe('discard');
  });

  it('a window that cannot open is a "no"', async () => {
    const { confirmations } = setup({ openFails: true });
    await expect(confirmations.ask({ tabId: 7, frameId: 0 }, question)).resolves.toBe('discard');
    expect(confirmations.openCount).toBe(0);
  });

  it('no answer in time is a "no"', async () => {
    vi.useFakeTimers();
    const { confirmations, closed } = setup();
    const answer = confirmations.ask({ tabId: 7, frameId: 0 }, question);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(confirmations.openCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toBe('discard');
    expect(closed).toEqual([100]);
  });

  it('a newer question from the same tab discards the older; other tabs are untouched', async () => {
    const { confirmations } = setup();
    const first = confirmations.ask({ tabId: 7, frameId: 0 }, question);
    const other = confirmations.ask({ tabId: 8, frameId: 0 }, question);
    await tick();
    const second = confirmations.ask({ tabId: 7, frameId: 3 }, question);
    await expect(first).resolves.toBe('discard');
    await tick();
    confirmations.decide('request-2', 'enter');
    confirmations.decide('request-3', 'enter');
    await expect(other).resolves.toBe('enter');
    await expect(second).resolves.toBe('enter');
  });

  it('cancel only closes the asking frame’s question; tabGone closes the tab’s', async () => {
    const { confirmations } = setup();
    const a = confirmations.ask({ tabId: 7, frameId: 2 }, question);
    const b = confirmations.ask({ tabId: 8, frameId: 0 }, question);
    await tick();
    expect(confirmations.cancel({ tabId: 7, frameId: 0 })).toBe(false);
    expect(confirmations.cancel({ tabId: 7, frameId: 2 })).toBe(true);
    await expect(a).resolves.toBe('discard');
    confirmations.tabGone(8);
    await expect(b).resolves.toBe('discard');
  });

  it('refuses a flood of questions (at most 4 open at once)', async () => {
    const { confirmations, opened } = setup();
    const answers = [1, 2, 3, 4, 5].map((tabId) => confirmations.ask({ tabId, frameId: 0 }, question));
    await expect(answers[4]).resolves.toBe('discard');
    await tick();
    expect(opened).toHaveLength(4);
  });
});
