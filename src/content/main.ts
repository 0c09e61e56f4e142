/**
 * The content engine, injected by the background into frames that are verified or lookalike: it finds
 * code fields, fills only a code the background released for this very frame, and shows the warnings
 * and the typed-code guard it is told to. It never decides whether a page is legit.
 */
import { OTP_THRESHOLD } from '../core/fill/finder';
import { fillCode } from '../core/fill/filler';
import { type Candidate, candidateInputs } from '../core/fill/types';
import type { BackgroundToContent, PageState } from '../messaging/protocol';
import { pickAccount } from './account-picker';
import { watchForOtpFields } from './fill/watch';
import { showNotice } from './notice';
import type { ContentBase } from './handoff';
import { ask } from './runtime';
import { guardTypedCodes } from './ui/code-guard';
import { attachFieldButton } from './ui/field-button';

export function startEngine(base: ContentBase, doc: Document): void {
  let state: PageState | null = null;
  let otpInputs = new Set<HTMLInputElement>();
  let best: Candidate | null = null;
  let candidates: Candidate[] = [];
  let button: { detach(): void; input: HTMLInputElement } | null = null;
  let stopWatching: (() => void) | null = null;
  const autoFilled = new WeakSet<HTMLInputElement>();

  // Listens through the base's hooks, registered at document_start ahead of every page script.
  // It only acts while the background calls this page a lookalike.
  const guardMessage = { headline: '' };
  const codeGuard = guardTypedCodes(
    doc,
    (element) => state?.warning !== undefined && otpInputs.has(element as HTMLInputElement),
    guardMessage,
    {
      candidateFor: (input) => (best && candidateInputs(best).includes(input) ? best : null),
      listen: base.listenEarly,
    },
  );

  async function requestAndFill(target: Candidate, overwrite: boolean, accountId?: string): Promise<void> {
    const reply = await ask({
      type: 'cs:request-code',
      ...(accountId ? { accountId } : {}),
    });
    if (!reply) return;
    if (reply.ok) {
      const outcome = fillCode(target, reply.value.code, { overwrite, submit: state?.autoSubmit ?? false });
      if (!outcome.filled && overwrite) showNotice(doc, `OTP Guard did not fill: ${outcome.reason}`, 'info');
      return;
    }
    if (reply.error.code === 'locked') {
      const opened = await ask({ type: 'cs:open-popup' });
      if (!opened?.ok || !opened.value.opened) showNotice(doc, 'OTP Guard is locked: click its toolbar button to unlock.', 'info');
      return;
    }
    if (reply.error.code === 'choose-account' && state) {
      pickAccount(candidateInputs(target)[0]!, state.accounts, (id) => void requestAndFill(target, overwrite, id));
      return;
    }
    if (overwrite) showNotice(doc, reply.error.message, 'warning');
  }

  function onFields(found: Candidate | null, all: Candidate[]): void {
    candidates = all;
    otpInputs = new Set(all.filter((candidate) => candidate.score >= OTP_THRESHOLD).flatMap(candidateInputs));
    best = found;
    if (state?.warning) for (const input of otpInputs) codeGuard.markField(input);
    if (!state?.fillable || !best) return;
    const first = candidateInputs(best)[0]!;
    if (button?.input !== first) {
      button?.detach();
      const target = best;
      button = { ...attachFieldButton(first, () => void requestAndFill(target, true)), input: first };
    }
    // Automatic fill: once per field, only when exactly one account matches and the setting allows it.
    if (state.autoFill && !state.locked && state.accounts.length === 1 && !autoFilled.has(first)) {
      autoFilled.add(first);
      void requestAndFill(best, false);
    }
  }

  function apply(next: PageState): void {
    state = next;
    guardMessage.headline = next.warning?.headline ?? '';
    if ((next.fillable || next.warning) && !stopWatching) {
      stopWatching = watchForOtpFields(doc, (result) => onFields(result.best, result.candidates));
    } else if (stopWatching) {
      onFields(best, candidates);
    }
  }

  base.onMessage((message: BackgroundToContent) => {
    if (message.type === 'bg:notice') showNotice(doc, message.text, message.tone);
    if (message.type === 'bg:fill-now') {
      const focused = doc.activeElement;
      const target: Candidate | null =
        best ?? (focused?.tagName === 'INPUT' ? { kind: 'single', input: focused as HTMLInputElement, score: 0, reasons: ['focused field'] } : null);
      if (target) void requestAndFill(target, message.overwrite);
      else showNotice(doc, 'OTP Guard found no code field on this page.', 'info');
    }
  });
  base.onState(apply);
  void base.state().then((first) => {
    if (first) apply(first);
  });
}
