/**
 * The "code held" question, asked OUTSIDE the page. In the page there is only a hint with nothing to
 * click (a page's top-layer overlay or decoy cannot turn a click into "Enter it anyway"); the question
 * opens in an OTP Guard window, and the background's reply to this frame's own message is the decision.
 * The digits stay here in the content script: the background only learns how many there are.
 * Fail closed: no answer, an error, a closed window or a timeout all mean 'discard'.
 */
import type { HeldCodeChoice } from '../../messaging/protocol';
import { ask } from '../runtime';
import { createUiHost, h } from './host';
import { words } from './words';

const CSS =
  ':host{left:0!important;top:0!important;width:100%!important;pointer-events:none!important}' +
  '.d{background:#fff;color:#202124;max-width:420px;margin:12px auto;padding:12px 16px;border-radius:8px;border-top:6px solid #b00020;box-shadow:0 8px 32px #0008}' +
  'strong{display:block;font-size:15px;margin-bottom:6px}p{margin:0}';

export type GuardChoice = HeldCodeChoice;

/** A little longer than the background's own timeout, so the background's 'discard' normally comes first. */
export const HELD_CODE_ANSWER_TIMEOUT_MS = 3 * 60_000 + 5_000;

/**
 * Asks whether a held code may go to the page; calls onChoice once, then removes the hint. `close()`
 * (the guard stopping, Escape) discards and closes the question in the extension window too.
 */
export const askAboutHeldCode = (
  doc: Document,
  headline: string,
  digits: number,
  onChoice: (choice: GuardChoice) => void,
): { host: HTMLElement; close(): void } => {
  const ui = createUiHost(doc, 'otp-guard-dialog', CSS);
  const hint = h(doc, 'div', 'd');
  hint.setAttribute('role', 'status');
  hint.append(
    h(doc, 'strong', '', headline),
    h(doc, 'p', '', words().t('guard_dialog_kept', digits)),
    h(doc, 'p', '', words().t('guard_dialog_decide')),
  );
  ui.root.append(hint);

  let done = false;
  const view = doc.defaultView;
  const choose = (choice: GuardChoice) => {
    if (done) return;
    done = true;
    if (timer !== undefined) view?.clearTimeout(timer);
    ui.remove();
    onChoice(choice);
  };
  const timer = view?.setTimeout(() => choose('discard'), HELD_CODE_ANSWER_TIMEOUT_MS);
  ask({ type: 'cs:confirm-held-code', digits }).then(
    (reply) => choose(reply?.ok && reply.value.choice === 'enter' ? 'enter' : 'discard'),
    () => choose('discard'),
  );
  return {
    host: ui.host,
    close: () => {
      if (!done) void ask({ type: 'cs:cancel-held-code' });
      choose('discard');
    },
  };
};
