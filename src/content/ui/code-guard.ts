/**
 * The typed-code guard. It runs in the base content script from document_start, with capture
 * listeners on the window registered before any page script, in every frame (also same-origin
 * about:blank and srcdoc frames). On a page the background calls a lookalike — and, until the
 * background has answered, on every page — it holds digit runs typed, pasted, dropped or composed
 * into any target, recognised code field or not. Holding changes nothing the page can see: the
 * events are stopped before any page listener, and no DOM or style changes per digit.
 *
 * The rule, exactly (what a user can still do on a lookalike without confirming):
 * - Text without digits passes untouched (a search, a name, an e-mail without digits).
 * - Every digit starts or extends a held run; spaces and hyphens inside a run are held too; Backspace
 *   takes back the last held digit.
 * - A run ends only on the user's own trusted input: a non-digit character, Tab, or Enter. A run of
 *   1–3 digits then goes into the field where it was typed ("apt 12", "2 pcs"); a run of 4 or more
 *   is a possible code: the user is asked ("Enter it anyway" puts it where it was typed).
 * - A run of 4+ digits is also asked about after a pause (idleMs) or when it reaches the field's length.
 *   A pause never releases a short run, and neither does a focus change (the page controls focus:
 *   releasing on it would let a page split a code into short runs).
 * - Pasted or dropped text with a 4–8 digit code in it is held whole and asked about at once;
 *   other text with fewer than 4 digits passes.
 */
import { isInputElement } from '../../core/fill/dom-read';
import { fillCode } from '../../core/fill/filler';
import { type Candidate, candidateInputs } from '../../core/fill/types';
import { insertText, isEditable, resolveTarget, takeBack } from '../guard/targets';
import { reportError, safely } from '../safety';
import { askAboutHeldCode } from './guard-dialog';
import { createUiHost, h, type UiHost } from './host';
import { words } from './words';

/** 'pending': the background has not answered yet (hold, never ask); 'guard': a lookalike; 'off': release. */
export type GuardMode = 'pending' | 'guard' | 'off';

export interface CodeGuardOptions {
  /** Pause after which 4+ held digits are treated as a complete code. */
  idleMs?: number;
  /**
   * Where to listen in the capture phase. Default: `window` directly. The content script's base passes
   * hooks it registered at document_start, so the guard runs ahead of page scripts.
   */
  listen?: (type: string, listener: (event: Event) => void) => () => void;
  /** The document the question is asked in (the top page's for a same-origin frame). */
  promptDocument?: () => Document;
  /**
   * Takes over a pasted or dropped text first, in every mode (origin-bound codes, checked by the
   * background): null leaves it to the guard; a promise holds the event, and then puts `code` in as a
   * code, or hands the text back to the guard's usual rules (`as-usual`), or leaves it held (`handled`).
   */
  claimPaste?: (target: Element | null, text: string) => Promise<PasteClaim> | null;
}

/** What became of a claimed paste. */
export type PasteClaim = { code: string } | 'as-usual' | 'handled';

export interface CodeGuard {
  setMode(mode: GuardMode, headline?: string): void;
  mode(): GuardMode;
  /** The fill target for "Enter it anyway" (a split row for a box); defaults to the field itself. */
  setCandidateFor(candidateFor: (input: HTMLInputElement) => Candidate | null): void;
  /** Shows the warning next to a recognised code field (once, when found: never per digit). */
  markField(input: HTMLInputElement): void;
  stop(): void;
}

/** Event types the guard listens to (the base hooks all of them at document_start). */
export const GUARD_EVENT_TYPES = [
  'keydown',
  'keypress',
  'keyup',
  'beforeinput',
  'input',
  'textInput',
  'paste',
  'drop',
  'compositionstart',
  'compositionupdate',
  'compositionend',
] as const;

const DEFAULT_IDLE_MS = 1500;
/** Shortest digit run that may be a code; shorter runs go to the page when the user ends them. */
export const MIN_CODE_DIGITS = 4;
const WARNING_CSS =
  '.w{background:#fff4f4;color:#202124;border:2px solid #b00020;border-radius:6px;padding:6px 10px;max-width:340px;box-shadow:0 2px 8px #0004}' +
  'strong{color:#b00020;display:block}';

const digitsOf = (text: string): string => text.normalize('NFKC').replace(/\D/g, '');

/** Finds a 4–8 digit code in pasted text ("123 456", "Your code is 123456", "Your code is 482 913"). */
const codeInText = (text: string): string | null => {
  const folded = text.normalize('NFKC');
  const whole = /^\s*\d(?:[ -]?\d){3,7}\s*$/.test(folded) ? folded.replace(/\D/g, '') : null;
  const found = /(?:^|\D)(\d{3,4}[ \u00a0-]\d{3,4}|\d{4,8})(?!\d)/.exec(folded)?.[1];
  return whole ?? (found ? found.replace(/\D/g, '') : digitsOf(folded).length >= MIN_CODE_DIGITS ? digitsOf(folded) : null);
};

/** Backspace on a held run: the last character typed goes, digit or separator. */
const eraseLast = (run: Run) => {
  const last = run.text.at(-1) ?? '';
  run.text = run.text.slice(0, -1);
  if (/\d/.test(last)) run.digits = run.digits.slice(0, -1);
};

const block = (event: Event) => {
  event.preventDefault();
  event.stopImmediatePropagation();
};

/** Events the page made itself reveal nothing it does not know: only the user's own are held. */
const untrusted = (event: Event) => event.isTrusted === false;

interface Run {
  target: Element | null;
  digits: string;
  /** The digits as typed, with the spaces and hyphens between them (what a short run puts back). */
  text: string;
  /** Digits of an IME composition still in progress (they join `digits` when it ends). */
  composing: string;
  /** The user typed a non-digit after the digits (before the verdict): the run is complete. */
  ended?: boolean;
}

export const guardTypedCodes = (doc: Document, options: CodeGuardOptions = {}): CodeGuard => {
  const view = doc.defaultView;
  const inert: CodeGuard = { setMode() {}, mode: () => 'off', setCandidateFor() {}, markField() {}, stop() {} };
  if (!view) return inert;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const warnings = new Map<HTMLInputElement, UiHost>();
  let mode: GuardMode = 'pending';
  let headline = '';
  let run: Run | null = null;
  let dialog: { host: HTMLElement; close(): void } | null = null;
  let releasing = false;
  const released = new WeakSet<Element>();
  let idleTimer = 0;
  let candidateFor: ((input: HTMLInputElement) => Candidate | null) | null = null;

  const expectedLength = (target: Element | null): number => {
    if (!isInputElement(target)) return 8;
    const candidate = candidateFor?.(target);
    if (candidate?.kind === 'split') return candidate.inputs.length;
    return target.maxLength >= MIN_CODE_DIGITS && target.maxLength <= 8 ? target.maxLength : 8;
  };

  /**
   * Puts digits where they were typed (a split row of boxes gets one digit each). `release`: the user
   * let this field have codes (later digits typed into it pass); a checked pasted code does not.
   */
  const putBack = (target: Element | null, digits: string, asCode: boolean, release = asCode) => {
    if (!target || digits === '') return;
    releasing = true;
    try {
      if (asCode && isInputElement(target)) {
        const candidate = candidateFor?.(target) ?? { kind: 'single', input: target, score: 0, reasons: ['held code'] };
        if (release) for (const input of candidateInputs(candidate)) released.add(input);
        if (candidate.kind === 'split' || target.value === '') {
          fillCode(candidate, digits, { overwrite: true, submit: false });
          return;
        }
      }
      if (!insertText(target, digits)) reportError('releasing held digits', new Error('the target takes no text'));
    } finally {
      releasing = false;
    }
  };

  const ask = () => {
    view.clearTimeout(idleTimer);
    if (dialog || !run || mode !== 'guard' || run.digits.length < MIN_CODE_DIGITS) return;
    const asked = run;
    dialog = askAboutHeldCode(options.promptDocument?.() ?? doc, headline, asked.digits.length, (choice) => {
      dialog = null;
      if (run === asked) run = null;
      if (choice === 'enter') putBack(asked.target, asked.digits, true);
    });
  };

  const scheduleAsk = () => {
    view.clearTimeout(idleTimer);
    if (!run || mode !== 'guard') return;
    if (run.digits.length >= expectedLength(run.target)) ask();
    else if (run.digits.length >= MIN_CODE_DIGITS) idleTimer = view.setTimeout(safely('held code (idle)', ask), idleMs);
  };

  const hold = (target: Element | null, digits: string, complete = false) => {
    // While the question is open, more digits are still kept from the page but not added to the code.
    if (dialog || digits === '') return;
    run ??= { target, digits: '', text: '', composing: '' };
    run.digits += digits;
    run.text += digits;
    if (complete && mode === 'guard') ask();
    else scheduleAsk();
  };

  /** The user ended the run with a non-digit: a short run goes to the page, a long one is asked about. */
  const endRun = (): 'released' | 'held' | 'none' => {
    if (!run || dialog) return dialog ? 'held' : 'none';
    run.digits += run.composing;
    run.text += run.composing;
    run.composing = '';
    if (run.digits.length >= MIN_CODE_DIGITS || mode === 'pending') {
      ask();
      return 'held';
    }
    const short = run;
    run = null;
    view.clearTimeout(idleTimer);
    putBack(short.target, short.text, false);
    return 'released';
  };

  const active = (event: Event) =>
    mode !== 'off' && !releasing && !untrusted(event) && !released.has(resolveTarget(event).element as Element);
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
    if (!active(event) || key.ctrlKey || key.metaKey || key.altKey || key.isComposing) return;
    const char = (key.key ?? '').normalize('NFKC');
    const down = key.type === 'keydown';
    if (/^\d$/.test(char)) {
      block(event);
      if (down) {
        heldKeys.add(keyId);
        hold(resolveTarget(event).element, char);
      }
    } else if (run && mode === 'pending' && char.length === 1) {
      // Before the verdict, what follows held digits waits with them, so it goes in in the order typed.
      block(event);
      if (down) {
        run.text += char;
        run.ended = true;
      }
    } else if (run && (char === ' ' || char === '-')) {
      block(event);
      if (down && !dialog) run.text += char;
    } else if (run && char === 'Backspace') {
      block(event);
      if (down && !dialog) eraseLast(run);
      if (run && run.text === '' && !dialog) run = null;
    } else if (run && (char.length === 1 || char === 'Enter' || char === 'Tab')) {
      // Keypress/keyup of the terminator pass; its keydown ends the run first.
      if (down && endRun() === 'held' && char === 'Enter') block(event);
    }
  };

  const onBeforeInput = (event: Event) => {
    if (!active(event)) return;
    const input = event as InputEvent;
    const type = input.inputType ?? '';
    const target = resolveTarget(event).element;
    if (type === 'deleteContentBackward' && run && !dialog) {
      block(event);
      eraseLast(run);
      return;
    }
    if (!type.startsWith('insert')) return;
    const text = input.data ?? input.dataTransfer?.getData('text/plain') ?? '';
    if (type === 'insertCompositionText') {
      // Not cancellable: what reaches the field is taken back in onInput; the digits count when it ends.
      if (/\d/.test(text.normalize('NFKC'))) {
        event.stopImmediatePropagation();
        run ??= { target, digits: '', text: '', composing: '' };
        run.composing = digitsOf(text);
      }
      return;
    }
    const digits = digitsOf(text);
    if (digits === '') {
      if (run && text !== '' && !/^[\s-]+$/.test(text)) endRun();
      else if (run) block(event);
      return;
    }
    const composed = type === 'insertFromComposition' || input.isComposing;
    const code = composed ? null : codeInText(text);
    // Words with a number or two ("flat 2b"), no run held: not a code; it goes in as typed.
    if (!composed && !code && !run && !/^[\d\s-]+$/.test(text)) return;
    block(event);
    if (composed) {
      if (run) run.composing = '';
      hold(target, digits);
    } else if (code && !run) hold(target, code, true);
    else hold(target, digits);
  };

  /** Last line of defence (IME composition cannot be cancelled): digits that reached the field are taken back. */
  const onInput = (event: Event) => {
    if (!active(event)) return;
    const input = event as InputEvent;
    const data = input.data ?? '';
    if (!/\d/.test(data.normalize('NFKC'))) return;
    const target = resolveTarget(event).element;
    event.stopImmediatePropagation();
    if (target && isEditable(target)) takeBack(target, data);
  };

  const onTextInput = (event: Event) => {
    // Chromium's legacy textInput carries the text before beforeinput: the page must not read it.
    if (active(event) && /\d/.test(((event as Event & { data?: string }).data ?? '').normalize('NFKC'))) event.stopImmediatePropagation();
  };

  const onComposition = (event: Event) => {
    if (!active(event)) return;
    const data = (event as CompositionEvent).data ?? '';
    if (/\d/.test(data.normalize('NFKC')) || run?.composing) event.stopImmediatePropagation();
    if (event.type === 'compositionend' && run) {
      // The committed text, if it had digits, was counted by beforeinput; what is left is the composition's.
      run.digits += run.composing;
      run.text += run.composing;
    run.text += run.composing;
      run.composing = '';
      scheduleAsk();
    }
  };

  /** The guard's rule for pasted text: true when it holds it (a code in it, or a run already held). */
  const holdsPasted = (target: Element | null, text: string): boolean => {
    const digits = digitsOf(text);
    if (digits === '') return false;
    const code = codeInText(text);
    if (!code && !run) return false; // "flat 2b": no code, nothing held
    hold(target, code ?? digits, code !== null);
    return true;
  };

  /** A claimed paste came back: the code alone goes in, or the text as the paste would have put it. */
  const settleClaim = (target: Element | null, text: string, claim: PasteClaim) => {
    if (claim === 'handled' || !target) return;
    if (typeof claim === 'object') return putBack(target, claim.code, true, false);
    if (mode !== 'off' && !released.has(target) && holdsPasted(target, text)) return;
    putBack(target, text, false);
  };

  const onPasteOrDrop = (event: Event) => {
    if (untrusted(event) || releasing) return;
    const transfer = (event as ClipboardEvent).clipboardData ?? (event as DragEvent).dataTransfer;
    const text = transfer?.getData('text/plain') ?? '';
    const target = resolveTarget(event).element;
    const claimed = options.claimPaste?.(target, text) ?? null;
    if (claimed) {
      block(event);
      void claimed.then(safely('claimed paste', (claim: PasteClaim) => settleClaim(target, text, claim)));
      return;
    }
    if (!active(event)) return;
    if (holdsPasted(target, text)) block(event);
  };

  /** Fail closed: when a handler throws while the guard is on, the event is held, not passed. */
  const failClosed = (event: Event) => {
    if (mode !== 'off' && !releasing) block(event);
  };
  const handlers: Record<(typeof GUARD_EVENT_TYPES)[number], (event: Event) => void> = {
    keydown: onKey,
    keypress: onKey,
    keyup: onKey,
    beforeinput: onBeforeInput,
    input: onInput,
    textInput: onTextInput,
    paste: onPasteOrDrop,
    drop: onPasteOrDrop,
    compositionstart: onComposition,
    compositionupdate: onComposition,
    compositionend: onComposition,
  };
  const listen =
    options.listen ??
    ((type: string, listener: (event: Event) => void) => {
      view.addEventListener(type, listener, true);
      return () => view.removeEventListener(type, listener, true);
    });
  const wrapped = GUARD_EVENT_TYPES.map((type) => [type, safely(`typed-code guard (${type})`, handlers[type], failClosed)] as const);
  let unlisten = wrapped.map(([type, listener]) => listen(type, listener));
  const relisten = () => {
    for (const stopListening of unlisten) stopListening();
    unlisten = wrapped.map(([type, listener]) => listen(type, listener));
  };

  // document.open() erases every event listener of the window and the document, ours included, and
  // the page's script written after it registers first. A lookalike that does it is blanked at the next
  // microtask (before any key event can reach its new listeners), and our listeners come back.
  let reopened = false;
  let blanking = false;
  const blank = () => {
    reopened = false;
    blanking = true;
    try {
      reportError('typed-code guard', new Error('a lookalike page rewrote itself with document.open(): it was blanked'));
      rewriteBlank(doc);
    } finally {
      reopenWatch?.takeRecords();
      blanking = false;
      relisten();
    }
  };
  const reopenWatch = view.MutationObserver
    ? new view.MutationObserver(
        safely('typed-code guard (document replaced)', (records: MutationRecord[]) => {
          if (blanking || !records.some((record) => [...record.removedNodes].some((node) => node.nodeType === 1))) return;
          relisten();
          if (mode === 'guard') blank();
          else if (mode === 'pending') reopened = true;
        }),
      )
    : null;
  reopenWatch?.observe(doc, { childList: true });

  const markField = (input: HTMLInputElement) => {
    if (warnings.has(input) || mode !== 'guard') return;
    const ui = createUiHost(doc, 'otp-guard-warning', WARNING_CSS);
    const box = h(doc, 'div', 'w');
    box.setAttribute('role', 'alert');
    box.append(h(doc, 'strong', '', headline), h(doc, 'span', '', words().t('guard_field_hint')));
    ui.root.append(box);
    warnings.set(input, ui);
    const rect = input.getBoundingClientRect();
    ui.place(rect.left, rect.bottom + 4);
  };

  return {
    setMode(next, nextHeadline) {
      mode = next;
      if (nextHeadline !== undefined) headline = nextHeadline;
      if (next === 'off') {
        view.clearTimeout(idleTimer);
        for (const ui of warnings.values()) ui.remove();
        warnings.clear();
        // Held before the background answered, on a page that turned out fine: it goes in now.
        if (run && !dialog) {
          const held = run;
          run = null;
          putBack(held.target, held.text + held.composing, false);
        }
      } else if (next === 'guard' && reopened) blank();
      else if (next === 'guard') {
        // A short run the user already ended before the verdict goes in, with what followed it.
        if (run?.ended && !dialog && run.digits.length < MIN_CODE_DIGITS) {
          const short = run;
          run = null;
          putBack(short.target, short.text, false);
        } else if (run?.ended) ask();
        else scheduleAsk();
      }
    },
    mode: () => mode,
    setCandidateFor(next) {
      candidateFor = next;
    },
    markField,
    stop() {
      heldKeys.clear();
      reopenWatch?.disconnect();
      for (const stopListening of unlisten) stopListening();
      view.clearTimeout(idleTimer);
      dialog?.close();
      run = null;
      for (const ui of warnings.values()) ui.remove();
      warnings.clear();
    },
  };
};

const STOPPED_TITLE = 'Stopped by OTP Guard';

/**
 * Replaces a lookalike's document with an empty one. document.open() also erases the listeners the page
 * registered; Firefox refuses it to a content script (SecurityError), so there the page's nodes are removed
 * instead: its form and fields are gone, though listeners it put on the window stay (a known gap, tested).
 */
export function rewriteBlank(doc: Document): void {
  try {
    doc.open();
    doc.write(`<!doctype html><html><head><meta charset="utf-8"><title>${STOPPED_TITLE}</title></head><body></body></html>`);
    doc.close();
  } catch {
    const root = doc.createElement('html');
    const head = doc.createElement('head');
    const title = doc.createElement('title');
    title.textContent = STOPPED_TITLE;
    head.append(title);
    root.append(head, doc.createElement('body'));
    doc.replaceChildren(root);
  }
}

