/**
 * Pasted or dropped messages that name their site (origin-bound SMS `@amazon.com #123456`, e-mails
 * with a `From:` sender; src/core/sms). Runs in the base, on every page, through the typed-code
 * guard's `claimPaste`: a single-line field receiving such a text holds it, the background parses it
 * and judges the browser's own frame data against the site it names, and then only the code goes in
 * (right site), or nothing and an in-page hint ("This code is for amazon.com, not this site.").
 * The base stays small: the check here is syntactic (no public-suffix list); the parsing and the
 * decision are the background's.
 */
import { mayNameItsSite } from '../../core/sms/shape';
import { isTextField } from '../guard/targets';
import { ask } from '../runtime';
import type { PasteClaim } from '../ui/code-guard';
import { showFieldHint } from '../ui/field-hint';
import { words } from '../ui/words';

const unchecked = (): string => words().t('content_paste_unchecked');
/** Longest wait for the background's judgement (its worker may be starting); then the paste stays held. */
const ANSWER_TIMEOUT_MS = 5_000;

/** Codes are pasted into one-line fields; a message pasted into a text area or an editor is text. */
const isSingleLineField = (target: Element | null): target is HTMLInputElement =>
  target !== null && target.localName === 'input' && isTextField(target);

export const claimBoundPaste = (target: Element | null, text: string): Promise<PasteClaim> | null => {
  if (!isSingleLineField(target) || !mayNameItsSite(text)) return null;
  const noAnswer = new Promise<null>((resolve) => setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS));
  return Promise.race([ask({ type: 'cs:pasted-code', text }), noAnswer]).then(
    (reply): PasteClaim => {
      // No answer (extension reloading) or a refusal: fail closed, nothing goes in.
      if (!reply?.ok) {
        showFieldHint(target, unchecked());
        return 'handled';
      }
      const verdict = reply.value;
      if (verdict.outcome === 'fill') return { code: verdict.code };
      if (verdict.outcome === 'as-usual') return 'as-usual';
      showFieldHint(target, verdict.message);
      return 'handled';
    },
    (): PasteClaim => {
      showFieldHint(target, unchecked());
      return 'handled';
    },
  );
};
