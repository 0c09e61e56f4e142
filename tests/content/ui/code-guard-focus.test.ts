// @vitest-environment happy-dom
/**
 * The typed-code hold when the focus leaves the field as the question opens (Firefox ESR 140 puts it on <body>):
 * the last digit's keyup, and digits typed while the question is open, target <body> — still kept from the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CodeGuard, guardTypedCodes } from '../../../src/content/ui/code-guard';

// The question goes to the background (an extension window) and stays open for these tests.
vi.mock('../../../src/content/runtime', () => ({
  ask: () => new Promise(() => undefined),
  onBackgroundMessage: () => undefined,
}));

let guard: CodeGuard;
let input: HTMLInputElement;
let seen: string[];
const TYPES = ['keydown', 'keypress', 'keyup'];
const record = (event: Event) => seen.push(`${event.type}:${(event as KeyboardEvent).key}@${(event.target as Element).nodeName}`);

const key = (target: EventTarget, type: string, value: string) =>
  target.dispatchEvent(new KeyboardEvent(type, { key: value, code: `Digit${value}`, bubbles: true, composed: true, cancelable: true }));

beforeEach(() => {
  document.body.innerHTML = '<input id="otp" name="otpCode" maxlength="6">';
  input = document.getElementById('otp') as HTMLInputElement;
  guard = guardTypedCodes(document, { idleMs: 60_000 });
  guard.setMode('guard', 'Not amazon.com');
  seen = [];
  for (const type of TYPES) {
    window.addEventListener(type, record, true);
    document.addEventListener(type, record);
  }
});
afterEach(() => {
  for (const type of TYPES) {
    window.removeEventListener(type, record, true);
    document.removeEventListener(type, record);
  }
  guard.stop();
});

describe('guardTypedCodes when the focus moves to <body> as the question opens', () => {
  it('keeps the last digit’s keypress and keyup from the page', () => {
    for (const digit of '73194') {
      for (const type of TYPES) key(input, type, digit);
    }
    key(input, 'keydown', '6'); // the sixth digit opens the question…
    expect(document.querySelector('otp-guard-dialog')).not.toBeNull();
    key(document.body, 'keypress', '6'); // …and the rest of that key press lands on <body>
    key(document.body, 'keyup', '6');
    expect(seen).toEqual([]);
  });

  it('keeps digits typed while the question is open, wherever the focus is', () => {
    for (const digit of '731946') {
      for (const type of TYPES) key(input, type, digit);
    }
    for (const type of TYPES) key(document.body, type, '5');
    expect(seen).toEqual([]);
  });

  it('lets other keys on <body> through (a control: the page’s listeners are live)', () => {
    for (const digit of '731946') {
      for (const type of TYPES) key(input, type, digit);
    }
    document.body.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true }));
    expect(seen).toEqual(['keyup:a@BODY', 'keyup:a@BODY']);
  });
});
