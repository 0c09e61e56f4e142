// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askAboutHeldCode, HELD_CODE_ANSWER_TIMEOUT_MS } from '../../src/content/ui/guard-dialog';
import { spyOnShadowRoots } from '../content/shadow-spy';

type Answer = { ok: true; value: { choice: string } } | { ok: false; error: { code: string; message: string } } | null;
const background = vi.hoisted(() => ({
  sent: [] as unknown[],
  reply: null as null | ((answer: Answer) => void),
  fail: null as null | ((error: Error) => void),
}));
vi.mock('../../src/content/runtime', () => ({
  ask: (message: { type: string }) => {
    background.sent.push(message);
    if (message.type !== 'cs:confirm-held-code') return Promise.resolve({ ok: true, value: { cancelled: true } });
    return new Promise((resolve, reject) => {
      background.reply = resolve;
      background.fail = reject;
    });
  },
  onBackgroundMessage: () => undefined,
}));

const HEADLINE = 'This is not amazon.com. Amazon never asks for your code here.';
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
let roots: Map<Element, ShadowRoot>;
beforeEach(() => {
  roots = spyOnShadowRoots();
  background.sent.length = 0;
  background.reply = null;
  background.fail = null;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const host of document.documentElement.querySelectorAll('otp-guard-dialog')) host.remove();
});

const open = () => {
  const choices: string[] = [];
  const dialog = askAboutHeldCode(document, HEADLINE, 6, (choice) => choices.push(choice));
  return { choices, dialog, root: roots.get(dialog.host)! };
};

describe('the held-code question is asked outside the page', () => {
  it('shows only a hint in the page: nothing to click, focus or type into', () => {
    const { root, dialog } = open();
    expect(dialog.host.shadowRoot).toBeNull(); // closed
    expect(root.textContent).toContain(HEADLINE);
    expect(root.textContent).toContain('6-digit code');
    expect(root.querySelectorAll('button, a, input, textarea, select, [tabindex], [contenteditable]')).toHaveLength(0);
    expect(root.querySelector('style')?.textContent).toContain('pointer-events:none!important');
  });

  it('sends the background how many digits it holds, never the digits', () => {
    open();
    expect(background.sent).toEqual([{ type: 'cs:confirm-held-code', digits: 6 }]);
  });

  it('"enter" from the background releases; the hint goes away', async () => {
    const { choices, dialog } = open();
    background.reply?.({ ok: true, value: { choice: 'enter' } });
    await settle();
    expect(choices).toEqual(['enter']);
    expect(dialog.host.isConnected).toBe(false);
  });

  it.each<[string, Answer]>([
    ['discard', { ok: true, value: { choice: 'discard' } }],
    ['an unknown choice', { ok: true, value: { choice: 'ENTER' } }],
    ['an error reply', { ok: false, error: { code: 'not-a-lookalike', message: 'no' } }],
    ['no reply (worker gone)', null],
  ])('%s → discard', async (_name, answer) => {
    const { choices } = open();
    background.reply?.(answer);
    await settle();
    expect(choices).toEqual(['discard']);
  });

  it('a failed message → discard', async () => {
    const { choices } = open();
    background.fail?.(new Error('port closed'));
    await settle();
    expect(choices).toEqual(['discard']);
  });

  it('no answer in time → discard, and a late "enter" changes nothing', async () => {
    vi.useFakeTimers();
    const { choices } = open();
    vi.advanceTimersByTime(HELD_CODE_ANSWER_TIMEOUT_MS - 1);
    expect(choices).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(choices).toEqual(['discard']);
    background.reply?.({ ok: true, value: { choice: 'enter' } });
    await settle();
    expect(choices).toEqual(['discard']);
  });

  it('close() discards and closes the question in the extension window', async () => {
    const { choices, dialog } = open();
    dialog.close();
    expect(choices).toEqual(['discard']);
    expect(background.sent).toContainEqual({ type: 'cs:cancel-held-code' });
    background.reply?.({ ok: true, value: { choice: 'enter' } });
    await settle();
    expect(choices).toEqual(['discard']);
  });

  it('a click anywhere in the page (even on the hint) chooses nothing', async () => {
    const { choices, root } = open();
    for (const element of [document.body, ...root.querySelectorAll('*')]) (element as HTMLElement).click();
    await settle();
    expect(choices).toEqual([]);
  });
});
