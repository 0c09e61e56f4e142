// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimBoundPaste } from '../../../src/content/paste/bound-paste';
import { type CodeGuard, guardTypedCodes } from '../../../src/content/ui/code-guard';
import type { PastedCodeVerdict } from '../../../src/messaging/protocol';
import { flushMicrotasks, spyOnShadowRoots } from '../shadow-spy';

// The background's answer to cs:pasted-code (it judges the browser's frame data; here a stand-in).
const background = vi.hoisted(() => ({ reply: null as unknown, asked: [] as { type: string; text?: string }[] }));
vi.mock('../../../src/content/runtime', () => ({
  ask: (message: { type: string; text?: string }) => {
    background.asked.push(message);
    return Promise.resolve(background.reply);
  },
  onBackgroundMessage: () => undefined,
}));
const answer = (value: PastedCodeVerdict | null) => {
  background.reply = value === null ? null : { ok: true, value };
};

const SMS = 'Your Amazon code is 123456. Don’t share it.\n\n@amazon.com #123456';

let roots: Map<Element, ShadowRoot>;
let guard: CodeGuard;
let input: HTMLInputElement;
let seen: string[];
const record = (event: Event) => seen.push(`${event.type}:${(event as ClipboardEvent).clipboardData?.getData('text/plain') ?? ''}`);

/** What a browser does for a paste: the paste event, and the insertion unless it was cancelled. */
const paste = (field: HTMLInputElement | HTMLTextAreaElement, text: string): boolean => {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  field.focus();
  const proceed = field.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, composed: true, cancelable: true }));
  if (proceed) field.value += text.replace(/\n/g, '');
  return proceed;
};
/** The hints this test showed (each in a closed shadow root, recorded by the spy). */
const hintText = () => {
  const texts = [...document.querySelectorAll('otp-guard-hint')].flatMap((host) => (roots.has(host) ? [roots.get(host)?.textContent ?? ''] : []));
  return texts.length > 0 ? texts.join('\n') : null;
};

beforeEach(() => {
  document.body.innerHTML = '<input id="otp" name="otpCode" autocomplete="one-time-code"><textarea id="notes"></textarea>';
  roots = spyOnShadowRoots();
  input = document.getElementById('otp') as HTMLInputElement;
  guard = guardTypedCodes(document, { idleMs: 60_000, claimPaste: claimBoundPaste });
  guard.setMode('off');
  seen = [];
  document.addEventListener('paste', record);
});
afterEach(() => {
  document.removeEventListener('paste', record);
  background.asked.length = 0;
  guard.stop();
  vi.restoreAllMocks();
});

describe('a pasted message that names its site', () => {
  it('right site: the page never sees the message, only the code goes into the field', async () => {
    answer({ outcome: 'fill', code: '123456' });
    expect(paste(input, SMS)).toBe(false);
    await flushMicrotasks();
    expect(background.asked).toEqual([{ type: 'cs:pasted-code', text: SMS }]);
    expect(input.value).toBe('123456');
    expect(seen).toEqual([]);
    expect(hintText()).toBeNull();
  });

  it('a checked pasted code does not open the field to later typed digits (the guard still holds them)', async () => {
    guard.setMode('guard', 'This is not amazon.com.');
    answer({ outcome: 'fill', code: '123456' });
    paste(input, SMS);
    await flushMicrotasks();
    expect(input.value).toBe('123456');
    input.value = '';
    const typed = new InputEvent('beforeinput', { data: '7', inputType: 'insertText', bubbles: true, composed: true, cancelable: true });
    expect(input.dispatchEvent(typed)).toBe(false);
  });

  it('into the first box of a split row: one character per box', async () => {
    document.body.insertAdjacentHTML('beforeend', `<div id="row">${'<input class="box" maxlength="1">'.repeat(6)}</div>`);
    const boxes = [...document.querySelectorAll<HTMLInputElement>('#row input')];
    guard.setCandidateFor((field) => (boxes.includes(field) ? { kind: 'split', inputs: boxes, score: 90, reasons: [] } : null));
    answer({ outcome: 'fill', code: '123456' });
    paste(boxes[0]!, SMS);
    await flushMicrotasks();
    expect(boxes.map((box) => box.value)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('another site: nothing goes in, and the hint names the code’s site', async () => {
    answer({ outcome: 'held', message: 'This code is for amazon.com, not this site. OTP Guard did not paste it.', site: 'amazon.com' });
    expect(paste(input, SMS)).toBe(false);
    await flushMicrotasks();
    expect(input.value).toBe('');
    expect(seen).toEqual([]);
    expect(hintText()).toContain('This code is for amazon.com, not this site.');
  });

  it('fails closed when the background does not answer', async () => {
    answer(null);
    paste(input, SMS);
    await flushMicrotasks();
    expect(input.value).toBe('');
    expect(hintText()).toContain('could not check');
  });

  it('a text that names no site after all goes in as the paste would have put it', async () => {
    answer({ outcome: 'as-usual' });
    const text = 'From: Amazon <x@amazon.com> about your order';
    paste(input, text);
    await flushMicrotasks();
    expect(input.value).toBe(text);
  });

  it('on a lookalike, a text handed back goes to the typed-code guard’s usual rule (held, asked about)', async () => {
    guard.setMode('guard', 'This is not amazon.com.');
    answer({ outcome: 'as-usual' });
    paste(input, 'From: Amazon <x@amazon.com>\ncodes 123456 and 654321');
    await flushMicrotasks();
    expect(input.value).toBe('');
    expect(background.asked.map((message) => message.type)).toEqual(['cs:pasted-code', 'cs:confirm-held-code']);
  });

  it('leaves alone ordinary pastes, text areas, and events the page made itself', async () => {
    expect(paste(input, '123456')).toBe(true);
    const notes = document.getElementById('notes') as HTMLTextAreaElement;
    expect(paste(notes, SMS)).toBe(true);
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', SMS);
    const synthetic = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    Object.defineProperty(synthetic, 'isTrusted', { value: false });
    expect(input.dispatchEvent(synthetic)).toBe(true);
    await flushMicrotasks();
    expect(background.asked).toEqual([]);
  });
});

describe('a background that never answers', () => {
  it('leaves the paste held, and says so after the wait', async () => {
    vi.useFakeTimers();
    background.reply = new Promise(() => undefined); // never settles
    try {
      paste(input, SMS);
      await vi.advanceTimersByTimeAsync(5_100);
      expect(input.value).toBe('');
      expect(hintText()).toContain('could not check');
    } finally {
      vi.useRealTimers();
    }
  });
});
