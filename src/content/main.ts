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
import { type ChannelPlan, planForField } from './fill/channel-plan';
import { watchForOtpFields } from './fill/watch';
import { showNotice } from './notice';
import type { ContentBase } from './handoff';
import { ask } from './runtime';
import { reportError, safely } from './safety';
import { showChannelNote } from './ui/channel-note';
import { attachFieldButton } from './ui/field-button';
import { words } from './ui/words';

export function startEngine(base: ContentBase, doc: Document): void {
  let state: PageState | null = null;
  let otpInputs = new Set<HTMLInputElement>();
  let best: Candidate | null = null;
  let candidates: Candidate[] = [];
  let button: { detach(): void; input: HTMLInputElement } | null = null;
  let stopWatching: (() => void) | null = null;
  let note: { remove(): void; input: HTMLInputElement; text: string; offered: boolean } | null = null;
  const autoFilled = new WeakSet<HTMLInputElement>();
  /** Re-reads of the page after the user followed its "use your authenticator" offer (it may switch in place). */
  const RECHECK_MS = [300, 1_000, 2_500];

  // The typed-code guard runs in the base since document_start; the engine tells it the fill target
  // of a recognised field (a split row takes one digit per box).
  const codeGuard = base.guard;
  codeGuard.setCandidateFor((input) => (best && candidateInputs(best).includes(input) ? best : null));

  const fillSafely = (target: Candidate, overwrite: boolean, accountId?: string): void =>
    void requestAndFill(target, overwrite, accountId).catch((error: unknown) => reportError('fill', error));

  async function requestAndFill(target: Candidate, overwrite: boolean, accountId?: string): Promise<void> {
    const reply = await ask({
      type: 'cs:request-code',
      ...(accountId ? { accountId } : {}),
    });
    if (!reply) return;
    if (reply.ok) {
      const outcome = fillCode(target, reply.value.code, { overwrite, submit: state?.autoSubmit ?? false });
      if (!outcome.filled && overwrite) showNotice(doc, words().t('notice_not_filled', outcome.reason), 'info');
      return;
    }
    if (reply.error.code === 'locked') {
      const opened = await ask({ type: 'cs:open-popup' });
      if (!opened?.ok || !opened.value.opened) showNotice(doc, words().t('notice_locked'), 'info');
      return;
    }
    if (reply.error.code === 'choose-account' && state) {
      pickAccount(candidateInputs(target)[0]!, state.accounts, (id) => fillSafely(target, overwrite, id));
      return;
    }
    if (overwrite) showNotice(doc, reply.error.message, 'warning');
  }

  function onFieldsUnsafe(found: Candidate | null, all: Candidate[]): void {
    candidates = all;
    otpInputs = new Set(all.filter((candidate) => candidate.score >= OTP_THRESHOLD).flatMap(candidateInputs));
    best = found;
    if (state?.warning) for (const input of otpInputs) codeGuard.markField(input);
    if (!state?.fillable || !best) {
      removeNote();
      return;
    }
    const first = candidateInputs(best)[0]!;
    const plan = planForField(first);
    if (plan.note) {
      // An SMS / e-mail / push / other-device page: no authenticator code is offered, nothing filled by itself.
      button?.detach();
      button = null;
      showNote(first, plan.note, plan.offer);
      return;
    }
    removeNote();
    if (button?.input !== first) {
      button?.detach();
      button = null;
      const target = best;
      // No in-page button where the browser cannot prove a click on it is real (no occlusion data):
      // the shortcut, the context menu and the popup fill instead.
      const attached = attachFieldButton(first, () => fillSafely(target, true));
      if (attached) button = { ...attached, input: first };
    }
    // Automatic fill: once per field, only when exactly one account matches and the setting allows it.
    if (plan.autoFill && state.autoFill && !state.locked && state.accounts.length === 1 && !autoFilled.has(first)) {
      autoFilled.add(first);
      fillSafely(best, false);
    }
  }

  const onFields = safely('fields found', onFieldsUnsafe);

  function removeNote(): void {
    note?.remove();
    note = null;
  }

  function showNote(input: HTMLInputElement, text: string, pageOffer: ChannelPlan['offer']): void {
    // "Use my authenticator instead" only where an account here has one and the page offers that way.
    const offer = pageOffer && (state?.accounts.length ?? 0) > 0 ? pageOffer : null;
    if (note?.input === input && note.text === text && note.offered === (offer !== null)) return;
    removeNote();
    const useAuthenticator = offer
      ? () => {
          removeNote();
          offer.click(); // the page's own way: it shows its authenticator step, which the engine then fills
          for (const ms of RECHECK_MS) doc.defaultView?.setTimeout(safely('channel recheck', () => onFields(best, candidates)), ms);
        }
      : null;
    note = { ...showChannelNote(input, text, useAuthenticator), input, text, offered: offer !== null };
  }

  function apply(next: PageState): void {
    state = next;
    if ((next.fillable || next.warning) && !stopWatching) {
      stopWatching = watchForOtpFields(doc, (result) => onFields(result.best, result.candidates));
    } else if (stopWatching) {
      onFields(best, candidates);
    }
  }

  base.onMessage(safely('engine message', (message: BackgroundToContent) => {
    if (message.type === 'bg:notice') showNotice(doc, message.text, message.tone);
    if (message.type === 'bg:fill-now') {
      const focused = doc.activeElement;
      const target: Candidate | null =
        best ?? (focused?.tagName === 'INPUT' ? { kind: 'single', input: focused as HTMLInputElement, score: 0, reasons: ['focused field'] } : null);
      if (target) fillSafely(target, message.overwrite);
      else showNotice(doc, words().t('notice_no_field'), 'info');
    }
  }));
  base.onState(safely('engine state', apply));
  void base.state().then((first) => {
    if (first) safely('engine state', apply)(first);
  });
}
