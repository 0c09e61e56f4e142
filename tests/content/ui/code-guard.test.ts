// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CodeGuard, guardTypedCodes } from '../../../src/content/ui/code-guard';
import { spyOnShadowRoots } from '../shadow-spy';
import { userClick } from '../user-events';

const HEADLINE = 'This is not amazon.com. Amazon never asks for this code here.';

/** What a browser does for one key press: keydown → keypress → beforeinput → value change + input, then keyup. */
const pressKey = (input: HTMLInputElement, key: string) => {
  const init = { key, bubbles: true, composed: true, cancelable: true };
  const proceed = input.dispatchEvent(new KeyboardEvent('keydown', init));
  if (proceed && key.length === 1) {
    input.dispatchEvent(new KeyboardEvent('keypress', init));
    const before = new InputEvent('beforeinput', { data: key, inputType: 'insertText', bubbles: true, composed: true, cancelable: true });
    if (input.dispatchEvent(before)) {
      input.value += key;
      input.dispatchEvent(new InputEvent('input', { data: key, inputType: 'insertText', bubbles: true, composed: true }));
    }
  }
  input.dispatchEvent(new KeyboardEvent('keyup', init));
};

const typeText = (input: HTMLInputElement, text: string) => {
  for (const key of text) pressKey(input, key);
};

/** What a browser does for a paste: paste event, and if not cancelled, the insertion. */
const paste = (input: HTMLInputElement, text: string) => {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, composed: true, cancelable: true });
  if (input.dispatchEvent(event)) {
    input.value += text;
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true, composed: true }));
  }
  return event;
};

/** Everything the page's own listeners (registered after OTP Guard, at every level) ever see. */
const recordPage = (input: HTMLInputElement) => {
  const seen: string[] = [];
  const types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'paste', 'change'];
  const record = (event: Event) => {
    const key = (event as KeyboardEvent).key ?? '';
    const data = (event as InputEvent).data ?? '';
    const clip = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    seen.push(`${event.type}:${key}${data}${clip}|value=${(event.target as HTMLInputElement).value ?? ''}`);
  };
  for (const type of types) {
    window.addEventListener(type, record, true);
    document.addEventListener(type, record);
    input.addEventListener(type, record);
  }
  return {
    seen,
    digitsSeen: () => seen.filter((entry) => /\d/.test(entry)),
    detach: () => {
      for (const type of types) {
        window.removeEventListener(type, record, true);
        document.removeEventListener(type, record);
        input.removeEventListener(type, record);
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
const button = (label: RegExp) =>
  Array.from(dialogRoot()!.querySelectorAll('button')).find((candidate) => label.test(candidate.textContent ?? ''))!;

beforeEach(() => {
  document.body.innerHTML = '<form><label for="otp">Enter OTP</label><input id="otp" name="otpCode" maxlength="6"><input id="other" name="note"></form>';
  roots = spyOnShadowRoots();
  input = document.getElementById('otp') as HTMLInputElement;
  guard = guardTypedCodes(document, (element) => element.id === 'otp', { headline: HEADLINE }, { idleMs: 60_000 });
  page = recordPage(input);
});
afterEach(() => {
  page.detach();
  guard.stop();
  vi.restoreAllMocks();
});

describe('guardTypedCodes: typed codes', () => {
  it('holds every typed digit back from the page and asks once the code is complete', () => {
    typeText(input, '482915');
    expect(input.value).toBe('');
    expect(page.digitsSeen()).toEqual([]);
    expect(page.seen).toEqual([]);
    const root = dialogRoot();
    expect(root).not.toBeNull();
    expect(root!.textContent).toContain(HEADLINE);
    expect(root!.textContent).toContain('6-digit code');
  });

  it('"Don\'t enter it" discards the code: the page never sees it', () => {
    typeText(input, '482915');
    userClick(button(/Don't enter it/));
    expect(dialogRoot()).toBeNull();
    expect(input.value).toBe('');
    expect(page.digitsSeen()).toEqual([]);
  });

  it('"Enter it anyway" fills the held code, and only then does the page see it', () => {
    typeText(input, '482915');
    expect(page.digitsSeen()).toEqual([]);
    userClick(button(/Enter it anyway/));
    expect(input.value).toBe('482915');
    expect(page.seen.some((entry) => entry.startsWith('input:') && entry.endsWith('value=482915'))).toBe(true);
    // The user chose: further typing in this field is no longer intercepted.
    input.value = '';
    typeText(input, '1');
    expect(input.value).toBe('1');
  });

  it('Backspace edits the held digits, not the page', () => {
    typeText(input, '4829');
    pressKey(input, 'Backspace');
    typeText(input, '915');
    expect(page.digitsSeen()).toEqual([]);
    expect(dialogRoot()).not.toBeNull();
    userClick(button(/Enter it anyway/));
    expect(input.value).toBe('482915');
  });

  it('shows a warning next to the field when it gets focus, with the held count', () => {
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    const host = document.querySelector('otp-guard-warning')!;
    expect(host.shadowRoot).toBeNull();
    const root = roots.get(host)!;
    expect(root.textContent).toContain(HEADLINE);
    typeText(input, '48');
    expect(root.textContent).toContain('Held back from this page: ••');
  });

  it('leaves other fields and letters alone', () => {
    const other = document.getElementById('other') as HTMLInputElement;
    typeText(other, '123456');
    expect(other.value).toBe('123456');
    typeText(input, 'ab');
    expect(input.value).toBe('ab');
    expect(dialogRoot()).toBeNull();
  });

  it('asks after a pause when fewer digits than the field length were typed', () => {
    guard.stop();
    page.detach();
    vi.useFakeTimers();
    try {
      // Like the content script, the guard registers before any page listener.
      guard = guardTypedCodes(document, (element) => element.id === 'otp', { headline: HEADLINE }, { idleMs: 1000 });
      page = recordPage(input);
      typeText(input, '4829');
      expect(dialogRoot()).toBeNull();
      vi.advanceTimersByTime(1000);
      expect(dialogRoot()).not.toBeNull();
      expect(page.digitsSeen()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('guardTypedCodes: pasted codes', () => {
  it('holds back a pasted code ("123 456") and asks', () => {
    const event = paste(input, '123 456');
    expect(event.defaultPrevented).toBe(true);
    expect(input.value).toBe('');
    expect(page.seen).toEqual([]);
    expect(dialogRoot()).not.toBeNull();
    userClick(button(/Enter it anyway/));
    expect(input.value).toBe('123456');
  });

  it('holds back a code inside pasted text', () => {
    paste(input, 'Your Amazon code is 905521. Do not share it.');
    expect(page.digitsSeen()).toEqual([]);
    expect(dialogRoot()).not.toBeNull();
  });

  it('holds back a grouped code inside pasted text ("482 913")', () => {
    const event = paste(input, 'Your Amazon code is 482 913');
    expect(event.defaultPrevented).toBe(true);
    expect(page.digitsSeen()).toEqual([]);
    userClick(button(/Enter it anyway/));
    expect(input.value).toBe('482913');
  });

  it('lets a paste without a code through', () => {
    const event = paste(input, 'hello');
    expect(event.defaultPrevented).toBe(false);
    expect(input.value).toBe('hello');
  });

  it('holds back a code inserted by beforeinput alone (mobile keyboards, autofill)', () => {
    const before = new InputEvent('beforeinput', { data: '771204', inputType: 'insertText', bubbles: true, composed: true, cancelable: true });
    input.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(true);
    expect(page.seen).toEqual([]);
    expect(dialogRoot()).not.toBeNull();
  });
});

describe('guardTypedCodes: split boxes and shadow DOM', () => {
  it('holds digits typed into the first of six boxes and fills the row when the user insists', () => {
    guard.stop();
    page.detach();
    document.body.innerHTML = `<div>${[0, 1, 2, 3, 4, 5].map((n) => `<input id="b${n}" maxlength="1">`).join('')}</div>`;
    const boxes = [0, 1, 2, 3, 4, 5].map((n) => document.getElementById(`b${n}`) as HTMLInputElement);
    guard = guardTypedCodes(document, (element) => boxes.includes(element as HTMLInputElement), { headline: HEADLINE }, {
      candidateFor: () => ({ kind: 'split', inputs: boxes, score: 90, reasons: [] }),
      idleMs: 60_000,
    });
    page = recordPage(boxes[0]!);
    typeText(boxes[0]!, '305719');
    expect(page.digitsSeen()).toEqual([]);
    expect(boxes.map((box) => box.value).join('')).toBe('');
    userClick(button(/Enter it anyway/));
    expect(boxes.map((box) => box.value)).toEqual(['3', '0', '5', '7', '1', '9']);
  });

  it('guards a field inside an open shadow root', () => {
    guard.stop();
    page.detach();
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="inner" maxlength="6">';
    const inner = shadow.getElementById('inner') as HTMLInputElement;
    guard = guardTypedCodes(document, (element) => element === inner, { headline: HEADLINE }, { idleMs: 60_000 });
    page = recordPage(inner);
    typeText(inner, '660021');
    expect(page.digitsSeen()).toEqual([]);
    expect(inner.value).toBe('');
    expect(dialogRoot()).not.toBeNull();
  });
});

describe('guardTypedCodes: stop', () => {
  it('digits typed while the question is open are kept from the page and not added', () => {
    typeText(input, '482915');
    typeText(input, '77');
    expect(page.digitsSeen()).toEqual([]);
    userClick(button(/Enter it anyway/));
    expect(input.value).toBe('482915');
  });

  it('stop() removes listeners, dialog and warnings', () => {
    typeText(input, '482915');
    guard.stop();
    expect(dialogRoot()).toBeNull();
    expect(document.querySelector('otp-guard-warning')).toBeNull();
    typeText(input, '1');
    expect(input.value).toBe('1');
  });
});
