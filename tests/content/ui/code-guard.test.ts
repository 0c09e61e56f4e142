// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CodeGuard, guardTypedCodes } from '../../../src/content/ui/code-guard';
import { spyOnShadowRoots } from '../shadow-spy';

// The held-code question goes to the background (an extension window); this stands in for the user's answer there.
const background = vi.hoisted(() => ({ answer: null as ((choice: 'enter' | 'discard') => void) | null, asked: [] as unknown[] }));
vi.mock('../../../src/content/runtime', () => ({
  ask: (message: { type: string }) => {
    background.asked.push(message);
    if (message.type !== 'cs:confirm-held-code') return Promise.resolve({ ok: true, value: { cancelled: true } });
    return new Promise((resolve) => {
      background.answer = (choice) => resolve({ ok: true, value: { choice } });
    });
  },
  onBackgroundMessage: () => undefined,
}));

const HEADLINE = 'This is not amazon.com. Amazon never asks for this code here.';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** What a browser does for one key press: keydown → keypress → beforeinput → value change + input, then keyup. */
const pressKey = (field: Field, key: string) => {
  const init = { key, bubbles: true, composed: true, cancelable: true };
  field.focus();
  const proceed = field.dispatchEvent(new KeyboardEvent('keydown', init));
  if (proceed && key.length === 1) {
    field.dispatchEvent(new KeyboardEvent('keypress', init));
    const before = new InputEvent('beforeinput', { data: key, inputType: 'insertText', bubbles: true, composed: true, cancelable: true });
    if (field.dispatchEvent(before)) {
      field.value += key;
      field.dispatchEvent(new InputEvent('input', { data: key, inputType: 'insertText', bubbles: true, composed: true }));
    }
  }
  field.dispatchEvent(new KeyboardEvent('keyup', init));
};

const typeText = (field: Field, text: string) => {
  for (const key of text) pressKey(field, key);
};

/** What a browser does for a paste: paste event, and if not cancelled, the insertion. */
const paste = (field: Field, text: string) => {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, composed: true, cancelable: true });
  if (field.dispatchEvent(event)) {
    field.value += text;
    field.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true, composed: true }));
  }
  return event;
};

/** Everything the page's own listeners (registered after OTP Guard, at every level) ever see. */
const recordPage = () => {
  const seen: string[] = [];
  const types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'paste', 'change', 'compositionupdate'];
  const record = (event: Event) => {
    const key = (event as KeyboardEvent).key ?? '';
    const data = (event as InputEvent).data ?? '';
    const clip = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    seen.push(`${event.type}:${key}${data}${clip}|value=${(event.target as HTMLInputElement).value ?? ''}`);
  };
  for (const type of types) {
    window.addEventListener(type, record, true);
    document.addEventListener(type, record);
  }
  return {
    seen,
    digitsSeen: () => seen.filter((entry) => /\d/.test(entry)),
    detach: () => {
      for (const type of types) {
        window.removeEventListener(type, record, true);
        document.removeEventListener(type, record);
      }
    },
  };
};

let roots: Map<Element, ShadowRoot>;
let guard: CodeGuard;
let input: HTMLInputElement;
let page: ReturnType<typeof recordPage>;

const dialogRoot = () => {
  const host = document.querySelector('otp-guard-dialog');
  return host ? roots.get(host)! : null;
};
/** The user answers in the extension window; the page's hint goes away once the answer is back. */
const decide = async (choice: 'enter' | 'discard') => {
  background.answer?.(choice);
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  document.body.innerHTML =
    '<form><label for="otp">Enter OTP</label><input id="otp" name="otpCode" maxlength="6"><input id="plain" name="q">' +
    '<textarea id="notes"></textarea><input id="num" type="number"></form>';
  roots = spyOnShadowRoots();
  input = document.getElementById('otp') as HTMLInputElement;
  guard = guardTypedCodes(document, { idleMs: 60_000 });
  guard.setMode('guard', HEADLINE);
  page = recordPage();
});
afterEach(() => {
  background.answer = null;
  background.asked.length = 0;
  page.detach();
  guard.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('guardTypedCodes on a lookalike: typed codes', () => {
  it('holds every typed digit back from the page and asks once the code is complete', () => {
    typeText(input, '482915');
    expect(input.value).toBe('');
    expect(page.seen).toEqual([]);
    expect(dialogRoot()!.textContent).toContain(HEADLINE);
    expect(dialogRoot()!.textContent).toContain('6-digit code');
  });

  it('"Don\'t enter it" discards the code: the page never sees it', async () => {
    typeText(input, '482915');
    await decide('discard');
    expect(dialogRoot()).toBeNull();
    expect(input.value).toBe('');
    expect(page.digitsSeen()).toEqual([]);
  });

  it('"Enter it anyway" fills the held code, only then does the page see it, and the field is released', async () => {
    typeText(input, '482915');
    await decide('enter');
    expect(input.value).toBe('482915');
    expect(page.seen.some((entry) => entry.startsWith('input:') && entry.endsWith('value=482915'))).toBe(true);
    input.value = '';
    typeText(input, '1');
    expect(input.value).toBe('1');
  });

  it('Backspace edits the held digits, not the page', async () => {
    typeText(input, '4829');
    pressKey(input, 'Backspace');
    typeText(input, '915');
    expect(page.digitsSeen()).toEqual([]);
    await decide('enter');
    expect(input.value).toBe('482915');
  });

  it.each([
    ['an input with no code hints at all', 'plain'],
    ['a textarea', 'notes'],
    ['an input of type number', 'num'],
  ])('holds digits typed into %s too', (_name, id) => {
    const field = document.getElementById(id) as Field;
    typeText(field, '48291573');
    expect(field.value).toBe('');
    expect(page.digitsSeen()).toEqual([]);
    expect(dialogRoot()).not.toBeNull();
  });

  it('holds digits typed into a contenteditable box', () => {
    const box = document.createElement('div');
    box.contentEditable = 'true';
    document.body.append(box);
    for (const key of '48291573') box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    expect(page.digitsSeen()).toEqual([]);
    expect(dialogRoot()).not.toBeNull();
  });

  it('changes nothing in the page while digits are held (no DOM change per digit)', async () => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    typeText(document.getElementById('plain') as Field, '4829');
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(records).toEqual([]);
    expect(page.digitsSeen()).toEqual([]);
  });
});

describe('guardTypedCodes on a lookalike: what still passes', () => {
  it('lets text without digits through untouched (a search)', () => {
    const search = document.getElementById('plain') as Field;
    typeText(search, 'red shoes');
    expect(search.value).toBe('red shoes');
    // Nine keys, each seen by the page's window and document listeners.
    expect(page.seen.filter((entry) => entry.startsWith('keydown:')).length).toBe(18);
  });

  it('a run of 1–3 digits goes in when the user types a non-digit after it', () => {
    const search = document.getElementById('plain') as Field;
    typeText(search, 'size 42 shoes');
    expect(search.value).toBe('size 42 shoes');
    expect(dialogRoot()).toBeNull();
  });

  it('a pause never lets a short run through', () => {
    vi.useFakeTimers();
    const search = document.getElementById('plain') as Field;
    typeText(search, '12');
    vi.advanceTimersByTime(120_000);
    expect(search.value).toBe('');
    expect(page.digitsSeen()).toEqual([]);
  });

  it('a run of 4+ digits ended by a letter is asked about, not passed', () => {
    const search = document.getElementById('plain') as Field;
    typeText(search, '4829x');
    expect(page.digitsSeen()).toEqual([]);
    expect(dialogRoot()).not.toBeNull();
  });

  it('a focus change the page makes does not split a code into short runs', () => {
    const twin = document.getElementById('plain') as Field;
    for (const [index, digit] of [...'482915'].entries()) pressKey(index % 2 ? twin : input, digit);
    expect(input.value + twin.value).toBe('');
    expect(page.digitsSeen()).toEqual([]);
    expect(dialogRoot()!.textContent).toContain('6-digit code');
  });
});

describe('guardTypedCodes: pasted codes', () => {
  it('holds a pasted code whole and asks at once', async () => {
    const event = paste(input, 'Your code is 482 915');
    expect(event.defaultPrevented).toBe(true);
    expect(input.value).toBe('');
    expect(page.digitsSeen()).toEqual([]);
    await decide('enter');
    expect(input.value).toBe('482915');
  });

  it('lets pasted text with fewer than 4 digits through', () => {
    const event = paste(document.getElementById('plain') as Field, 'flat 2b');
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('guardTypedCodes: before the background has answered, and after', () => {
  it('holds while pending and puts the digits in when the page turns out fine', () => {
    guard.stop();
    page.detach();
    guard = guardTypedCodes(document, { idleMs: 60_000 });
    page = recordPage();
    const search = document.getElementById('plain') as Field;
    typeText(search, '123456');
    expect(search.value).toBe('');
    expect(dialogRoot()).toBeNull(); // no question before a verdict
    guard.setMode('off');
    expect(search.value).toBe('123456');
  });

  it('asks once a pending page turns out to be a lookalike', () => {
    guard.stop();
    page.detach();
    guard = guardTypedCodes(document, { idleMs: 60_000 });
    page = recordPage();
    typeText(input, '482915');
    expect(dialogRoot()).toBeNull();
    guard.setMode('guard', HEADLINE);
    expect(dialogRoot()!.textContent).toContain('6-digit code');
    expect(page.digitsSeen()).toEqual([]);
  });

  it('keeps the order of what was typed before the verdict', () => {
    guard.stop();
    guard = guardTypedCodes(document, { idleMs: 60_000 });
    const search = document.getElementById('plain') as Field;
    typeText(search, 'ab12cd');
    guard.setMode('off');
    expect(search.value).toBe('ab12cd');
  });

  it('a short run ended before a lookalike verdict goes in; a code does not', () => {
    guard.stop();
    guard = guardTypedCodes(document, { idleMs: 60_000 });
    const search = document.getElementById('plain') as Field;
    typeText(search, 'size 12 red');
    guard.setMode('guard', HEADLINE);
    expect(search.value).toBe('size 12 red');
    search.value = '';
    guard.stop();
    guard = guardTypedCodes(document, { idleMs: 60_000 });
    typeText(search, '482915 x');
    guard.setMode('guard', HEADLINE);
    expect(search.value).toBe('');
    expect(dialogRoot()).not.toBeNull();
  });

  it('holds nothing on a page that is not a lookalike', () => {
    guard.setMode('off');
    typeText(input, '482915');
    expect(input.value).toBe('482915');
  });
});

describe('guardTypedCodes: fails closed', () => {
  it('holds the event when its handler throws on a lookalike', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    guard.setCandidateFor(() => {
      throw new Error('boom');
    });
    typeText(input, '4');
    expect(input.value).toBe('');
    expect(page.digitsSeen()).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });
});
