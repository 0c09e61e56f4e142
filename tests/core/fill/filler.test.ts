// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fillCode } from '../../../src/core/fill/filler';
import type { Candidate } from '../../../src/core/fill/types';

const single = (input: HTMLInputElement): Candidate => ({ kind: 'single', input, score: 100, reasons: [] });

/**
 * Mimics React's controlled input: an instance-level `value` property tracks what the framework last saw;
 * an `input` event whose value equals the tracked one is ignored, and a re-render writes state back.
 */
const reactLikeControlled = (input: HTMLInputElement) => {
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  let tracked = '';
  let state = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return native.get!.call(this);
    },
    set(next: string) {
      tracked = String(next);
      native.set!.call(this, next);
    },
  });
  input.addEventListener('input', () => {
    const actual = input.value;
    if (actual !== tracked) {
      tracked = actual;
      state = actual;
    }
  });
  return {
    state: () => state,
    rerender: () => {
      input.value = state;
    },
  };
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('fillCode: single field', () => {
  it('keeps the value in a React-like controlled input after a re-render', () => {
    document.body.innerHTML = '<input id="f">';
    const input = document.getElementById('f') as HTMLInputElement;
    const react = reactLikeControlled(input);
    expect(fillCode(single(input), '493817', { overwrite: false, submit: false })).toEqual({ filled: true });
    expect(react.state()).toBe('493817');
    react.rerender();
    expect(input.value).toBe('493817');
  });

  it('the stub is meaningful: a plain property write is lost on re-render', () => {
    document.body.innerHTML = '<input id="f">';
    const input = document.getElementById('f') as HTMLInputElement;
    const react = reactLikeControlled(input);
    input.value = '493817';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    react.rerender();
    expect(input.value).toBe('');
  });

  it('dispatches keyboard and input events that bubble and cross shadow boundaries', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="f">';
    const input = shadow.getElementById('f') as HTMLInputElement;
    const seen: string[] = [];
    for (const type of ['keydown', 'beforeinput', 'input', 'keyup', 'change'])
      document.addEventListener(type, (event) => seen.push(`${type}:${(event as KeyboardEvent).key ?? (event as InputEvent).data ?? ''}`));
    fillCode(single(input), '12', { overwrite: false, submit: false });
    expect(seen.filter((entry) => !entry.startsWith('change'))).toEqual([
      'keydown:1',
      'beforeinput:1',
      'input:1',
      'keyup:1',
      'keydown:2',
      'beforeinput:2',
      'input:2',
      'keyup:2',
    ]);
    expect(input.value).toBe('12');
  });

  it('never overwrites a non-empty field unless asked', () => {
    document.body.innerHTML = '<input id="f" value="111111">';
    const input = document.getElementById('f') as HTMLInputElement;
    const outcome = fillCode(single(input), '222222', { overwrite: false, submit: false });
    expect(outcome.filled).toBe(false);
    expect(outcome.filled === false && outcome.reason).toMatch(/already has a value/);
    expect(input.value).toBe('111111');
    expect(fillCode(single(input), '222222', { overwrite: true, submit: false })).toEqual({ filled: true });
    expect(input.value).toBe('222222');
  });

  it('does not submit by default, submits once when asked', () => {
    document.body.innerHTML = '<form id="form"><input id="f"><button type="submit">Go</button></form>';
    const form = document.getElementById('form') as HTMLFormElement;
    const input = document.getElementById('f') as HTMLInputElement;
    let submits = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits++;
    });
    fillCode(single(input), '123456', { overwrite: false, submit: false });
    expect(submits).toBe(0);
    fillCode(single(input), '654321', { overwrite: true, submit: true });
    expect(submits).toBe(1);
    expect(input.value).toBe('654321');
  });

  it('refuses a field that left the page', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.remove();
    expect(fillCode(single(input), '123456', { overwrite: false, submit: false }).filled).toBe(false);
  });
});

describe('fillCode: split boxes', () => {
  const boxes = () => {
    document.body.innerHTML = `<div>${[0, 1, 2, 3, 4, 5].map((n) => `<input id="b${n}" maxlength="1">`).join('')}</div>`;
    return [0, 1, 2, 3, 4, 5].map((n) => document.getElementById(`b${n}`) as HTMLInputElement);
  };

  it('fills one character per box, in order', () => {
    const inputs = boxes();
    const order: string[] = [];
    document.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement;
      order.push(`${target.id}=${target.value}`);
    });
    const outcome = fillCode({ kind: 'split', inputs, score: 90, reasons: [] }, '705213', { overwrite: false, submit: false });
    expect(outcome).toEqual({ filled: true });
    expect(inputs.map((input) => input.value)).toEqual(['7', '0', '5', '2', '1', '3']);
    expect(order).toEqual(['b0=7', 'b1=0', 'b2=5', 'b3=2', 'b4=1', 'b5=3']);
  });

  it('keeps values in React-like controlled boxes', () => {
    const inputs = boxes();
    const trackers = inputs.map(reactLikeControlled);
    fillCode({ kind: 'split', inputs, score: 90, reasons: [] }, '705213', { overwrite: false, submit: false });
    for (const tracker of trackers) tracker.rerender();
    expect(inputs.map((input) => input.value).join('')).toBe('705213');
  });

  it('does not overwrite a partly filled row, and refuses a code longer than the row', () => {
    const inputs = boxes();
    inputs[2]!.value = '9';
    const candidate: Candidate = { kind: 'split', inputs, score: 90, reasons: [] };
    expect(fillCode(candidate, '705213', { overwrite: false, submit: false }).filled).toBe(false);
    expect(inputs.map((input) => input.value).join('')).toBe('9');
    expect(fillCode(candidate, '70521399', { overwrite: true, submit: false }).filled).toBe(false);
  });
});
