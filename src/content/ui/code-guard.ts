import { otpDigits } from '../../core/fill/code-shape';
import { isInputElement } from '../../core/fill/dom-read';
import { fillCode } from '../../core/fill/filler';
import type { Candidate } from '../../core/fill/types';
import { askAboutHeldCode } from './guard-dialog';
import { createUiHost, h, type UiHost } from './host';

export interface CodeGuardMessage {
  /** e.g. "This is not amazon.com. Amazon never asks for this code here." */
  headline: string;
}

export interface CodeGuardOptions {
  /** The fill target for "Enter it anyway" (a split row for a box); defaults to the field itself. */
  candidateFor?: (input: HTMLInputElement) => Candidate | null;
  /** Pause after which 4+ held digits are treated as a complete code. */
  idleMs?: number;
  /**
   * Where to listen in the capture phase. Default: `window` directly. The content script's base passes
   * hooks it registered at document_start, so the guard runs ahead of page scripts even when it loads later.
   */
  listen?: (type: string, listener: (event: Event) => void) => () => void;
}

export interface CodeGuard {
  /** Shows the warning next to a field now (fields also get it when focused). */
  markField(input: HTMLInputElement): void;
  stop(): void;
}

const DEFAULT_IDLE_MS = 1500;
const WARNING_CSS =
  '.w{background:#fff4f4;color:#202124;border:2px solid #b00020;border-radius:6px;padding:6px 10px;max-width:340px;box-shadow:0 2px 8px #0004}' +
  'strong{color:#b00020;display:block}';

/** Finds a 4–8 digit code in pasted text ("123 456", "Your code is 123456", "Your code is 482 913"). */
const codeInText = (text: string): string | null => {
  const found = /(?:^|\D)(\d{3,4}[ \u00a0-]\d{3,4}|\d{4,8})(?!\d)/.exec(text.normalize('NFKC'))?.[1];
  return otpDigits(text) ?? (found ? found.replace(/\D/g, '') : null);
};

/**
 * On a lookalike page, keeps codes the user types or pastes into OTP fields away from the page:
 * window-level capture listeners (registered before any page script) cancel and stop the events,
 * the digits are held in this closure, and a dialog asks whether to enter them anyway.
 */
export const guardTypedCodes = (
  doc: Document,
  isOtpField: (element: Element) => boolean,
  message: CodeGuardMessage,
  options: CodeGuardOptions = {},
): CodeGuard => {
  const view = doc.defaultView;
  if (!view) return { markField() {}, stop() {} };
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const warnings = new Map<HTMLInputElement, { ui: UiHost; status: HTMLElement }>();
  const released = new WeakSet<HTMLInputElement>();
  let held = '';
  let heldField: HTMLInputElement | null = null;
  let dialog: { host: HTMLElement; close(): void } | null = null;
  let releasing = false;
  let idleTimer = 0;
  let frame = 0;

  const candidateFor = (field: HTMLInputElement): Candidate =>
    options.candidateFor?.(field) ?? { kind: 'single', input: field, score: 0, reasons: ['held code'] };

  const expectedLength = (field: HTMLInputElement): number => {
    const candidate = candidateFor(field);
    if (candidate.kind === 'split') return candidate.inputs.length;
    const maxLength = field.maxLength;
    return maxLength >= 4 && maxLength <= 8 ? maxLength : 6;
  };

  const guardedTarget = (event: Event): HTMLInputElement | null => {
    const target = event.composedPath()[0] ?? event.target;
    return isInputElement(target) && !released.has(target) && isOtpField(target) ? target : null;
  };

  const block = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const statusText = () =>
    held
      ? `Held back from this page: ${'•'.repeat(held.length)}`
      : 'A code typed or pasted here is held back until you confirm.';

  const placeWarnings = () => {
    frame = 0;
    for (const [input, warning] of warnings) {
      if (!input.isConnected) {
        warning.ui.remove();
        warnings.delete(input);
        continue;
      }
      const rect = input.getBoundingClientRect();
      warning.ui.place(rect.left, rect.bottom + 4);
      warning.status.textContent = statusText();
    }
  };
  const scheduleWarnings = () => {
    if (!frame) frame = view.requestAnimationFrame(placeWarnings);
  };

  const markField = (input: HTMLInputElement) => {
    if (warnings.has(input)) return;
    const ui = createUiHost(doc, 'otp-guard-warning', WARNING_CSS);
    const box = h(doc, 'div', 'w');
    box.setAttribute('role', 'alert');
    const status = h(doc, 'span');
    box.append(h(doc, 'strong', '', message.headline), status);
    ui.root.append(box);
    warnings.set(input, { ui, status });
    placeWarnings();
  };

  const clearField = (field: HTMLInputElement) => {
    if (field.value === '') return;
    const setter = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
    if (setter) setter.call(field, '');
  };

  const openDialog = () => {
    view.clearTimeout(idleTimer);
    if (dialog || held.length < 4) return;
    dialog = askAboutHeldCode(doc, message.headline, held.length, (choice) => {
      const code = held;
      const field = heldField;
      dialog = null;
      held = '';
      heldField = null;
      placeWarnings();
      if (choice === 'enter' && field) release(field, code);
    });
  };

  const release = (field: HTMLInputElement, code: string) => {
    const candidate = candidateFor(field);
    for (const input of candidate.kind === 'single' ? [candidate.input] : candidate.inputs) released.add(input);
    releasing = true;
    try {
      fillCode(candidate, code, { overwrite: true, submit: false });
    } finally {
      releasing = false;
    }
  };

  const hold = (field: HTMLInputElement, digits: string, complete: boolean) => {
    // While the question is open, more digits are still kept from the page but not added to the code.
    if (dialog) return;
    heldField ??= field;
    markField(field);
    clearField(field);
    held += digits;
    placeWarnings();
    view.clearTimeout(idleTimer);
    if (complete || held.length >= expectedLength(heldField)) openDialog();
    else idleTimer = view.setTimeout(openDialog, idleMs);
  };

  const inOwnDialog = (event: Event) => dialog !== null && event.composedPath().includes(dialog.host);

  /** Keys whose keydown was held: their keypress and keyup are held too, wherever the focus went meanwhile. */
  const heldKeys = new Set<string>();

  const onKey = (event: Event) => {
    const key = event as KeyboardEvent;
    const keyId = key.code || key.key;
    // Firefox ESR 140 moves the focus to <body> as the question opens: the last digit's keyup has another target.
    if (key.type !== 'keydown' && heldKeys.has(keyId)) {
      if (key.type === 'keyup') heldKeys.delete(keyId);
      block(event);
      return;
    }
    if (inOwnDialog(event)) {
      // Keys pressed in our dialog are none of the page's business.
      event.stopImmediatePropagation();
      if (key.type === 'keydown' && key.key === 'Escape') dialog?.close();
      return;
    }
    if (releasing || key.ctrlKey || key.metaKey || key.altKey) return;
    const char = (key.key ?? '').normalize('NFKC');
    // While the question is open it is modal: a digit typed wherever the focus is stays held from the page.
    const field = guardedTarget(event) ?? (dialog && /^\d$/.test(char) ? heldField : null);
    if (!field) return;
    if (/^\d$/.test(char)) {
      block(event);
      if (key.type === 'keydown') {
        heldKeys.add(keyId);
        hold(field, char, false);
      }
    } else if (held && (char === ' ' || char === '-')) block(event);
    else if (held && key.key === 'Backspace') {
      block(event);
      if (key.type === 'keydown') {
        held = held.slice(0, -1);
        placeWarnings();
      }
    } else if (held && key.key === 'Enter') {
      block(event);
      if (key.type === 'keydown') openDialog();
    }
  };

  const onBeforeInput = (event: Event) => {
    if (releasing) return;
    const input = event as InputEvent;
    const field = guardedTarget(event);
    if (!field || !input.inputType?.startsWith('insert')) return;
    const text = (input.data ?? input.dataTransfer?.getData('text/plain') ?? '').normalize('NFKC');
    const code = codeInText(text);
    if (code) {
      block(event);
      hold(field, code, true);
    } else if (/\d/.test(text) && /^[\d\s-]+$/.test(text)) {
      block(event);
      hold(field, text.replace(/\D/g, ''), false);
    }
  };

  const onPasteOrDrop = (event: Event) => {
    if (releasing) return;
    const field = guardedTarget(event);
    if (!field) return;
    const transfer = (event as ClipboardEvent).clipboardData ?? (event as DragEvent).dataTransfer;
    const code = codeInText(transfer?.getData('text/plain') ?? '');
    if (!code) return;
    block(event);
    held = '';
    hold(field, code, true);
  };

  /** Last line of defence (IME composition cannot be cancelled): digits that reached the value are taken back. */
  const onInput = (event: Event) => {
    if (releasing) return;
    const field = guardedTarget(event);
    if (!field || !/\d/.test(field.value)) return;
    event.stopImmediatePropagation();
    hold(field, field.value.replace(/\D/g, ''), false);
  };

  const onFocus = (event: Event) => {
    const field = guardedTarget(event);
    if (field) markField(field);
  };

  const listeners: Array<[string, (event: Event) => void]> = [
    ['keydown', onKey],
    ['keypress', onKey],
    ['keyup', onKey],
    ['beforeinput', onBeforeInput],
    ['paste', onPasteOrDrop],
    ['drop', onPasteOrDrop],
    ['input', onInput],
    ['focusin', onFocus],
  ];
  const listen =
    options.listen ??
    ((type: string, listener: (event: Event) => void) => {
      view.addEventListener(type, listener, true);
      return () => view.removeEventListener(type, listener, true);
    });
  const unlisten = listeners.map(([type, listener]) => listen(type, listener));
  view.addEventListener('scroll', scheduleWarnings, { capture: true, passive: true });
  view.addEventListener('resize', scheduleWarnings, { passive: true });

  return {
    markField,
    stop() {
      for (const stopListening of unlisten) stopListening();
      view.removeEventListener('scroll', scheduleWarnings, { capture: true });
      view.removeEventListener('resize', scheduleWarnings);
      view.clearTimeout(idleTimer);
      if (frame) view.cancelAnimationFrame(frame);
      dialog?.close();
      held = '';
      heldKeys.clear();
      for (const warning of warnings.values()) warning.ui.remove();
      warnings.clear();
    },
  };
};
