import type { Candidate } from './types';

export interface FillOptions {
  /** Replace a value already in the field (only when the user asked). */
  overwrite: boolean;
  /** Submit the form after filling (a setting; off by default). */
  submit: boolean;
}

export type FillOutcome = { filled: true } | { filled: false; reason: string };

type PageWindow = Window & typeof globalThis;

/**
 * Writes through the prototype's setter, not the instance property: React and Vue patch the instance
 * to track values, and only a native write makes their next `input` event register as a change.
 */
const setNativeValue = (view: PageWindow, input: HTMLInputElement, value: string) => {
  const setter = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
};

const keyEvent = (view: PageWindow, type: 'keydown' | 'keyup', char: string) =>
  new view.KeyboardEvent(type, {
    key: char,
    code: /\d/.test(char) ? `Digit${char}` : '',
    bubbles: true,
    composed: true,
    cancelable: true,
  });

const inputEvent = (view: PageWindow, type: 'beforeinput' | 'input', char: string) =>
  new view.InputEvent(type, { data: char, inputType: 'insertText', bubbles: true, composed: true, cancelable: type === 'beforeinput' });

/** Types `text` at the end of the input's current value the way a keyboard would, one character at a time. */
const typeInto = (view: PageWindow, input: HTMLInputElement, text: string) => {
  input.focus();
  let value = '';
  for (const char of text) {
    input.dispatchEvent(keyEvent(view, 'keydown', char));
    input.dispatchEvent(inputEvent(view, 'beforeinput', char));
    value += char;
    setNativeValue(view, input, value);
    input.dispatchEvent(inputEvent(view, 'input', char));
    input.dispatchEvent(keyEvent(view, 'keyup', char));
  }
  input.dispatchEvent(new view.Event('change', { bubbles: true }));
};

const submitForm = (view: PageWindow, input: HTMLInputElement): boolean => {
  const form = input.form;
  if (!form) return false;
  const button = form.querySelector<HTMLElement>('button[type="submit"],input[type="submit"],button:not([type])');
  if (button) button.click();
  else if (typeof form.requestSubmit === 'function') form.requestSubmit();
  else form.dispatchEvent(new view.Event('submit', { bubbles: true, cancelable: true }));
  return true;
};

/**
 * Fills `code` into a candidate: the whole code into a single field, one character per box for a split row.
 * Never replaces a non-empty value unless `overwrite`; submits only when `submit`.
 */
export const fillCode = (candidate: Candidate, code: string, options: FillOptions): FillOutcome => {
  const inputs = candidate.kind === 'single' ? [candidate.input] : candidate.inputs;
  const first = inputs[0];
  const view = first?.ownerDocument.defaultView as PageWindow | null | undefined;
  if (!first || !view) return { filled: false, reason: 'the field is no longer in a page' };
  if (code === '') return { filled: false, reason: 'empty code' };
  if (!inputs.every((input) => input.isConnected)) return { filled: false, reason: 'the field was removed from the page' };
  if (candidate.kind === 'split' && code.length > inputs.length)
    return { filled: false, reason: `the code has ${code.length} characters but the field has ${inputs.length} boxes` };
  if (!options.overwrite && inputs.some((input) => input.value !== ''))
    return { filled: false, reason: 'the field already has a value' };

  if (candidate.kind === 'single') {
    if (first.value !== '') setNativeValue(view, first, '');
    typeInto(view, first, code);
  } else {
    Array.from(code).forEach((char, index) => {
      const box = inputs[index]!;
      if (box.value !== '') setNativeValue(view, box, '');
      typeInto(view, box, char);
    });
  }
  if (options.submit) submitForm(view, inputs[inputs.length - 1]!);
  return { filled: true };
};
