import { destinationOf } from '../../core/sms/destination';
import { type CodeDestination, type HeldReason, originBoundCodeMayGo } from '../../core/sms/may-go';
import { parsePastedCode } from '../../core/sms/pasted-code';
import type { BoundCode, BoundCodeErrorCode } from '../../core/sms/types';
import type { PastedCodeVerdict } from '../../messaging/protocol';
import type { MessageKey } from '../../ui/i18n';
import type { CsHandlers } from '../../messaging/router';
import type { Services } from '../services';
import { backgroundWords } from '../words';
import { frameContext } from './frame-context';

/**
 * Refusals of a text that is written as an origin-bound SMS ("@site #code" line) but not by the rules:
 * held with the reason (never guessed). The others mean the text names no site after all (an e-mail
 * with no sender or no single code): it is pasted as usual, where the typed-code guard still applies.
 */
const HELD_REFUSALS: ReadonlySet<BoundCodeErrorCode> = new Set([
  'not-last-line',
  'missing-host',
  'bad-separator',
  'missing-code',
  'bad-host',
  'bad-code',
  'bad-embedded-host',
  'several-origin-bound-lines',
  'several-senders',
]);

/** Appended to every hold's reason, in the user's language. */
const notPasted = (): string => backgroundWords().t('content_paste_not_pasted');

const HELD_TEXT: Record<HeldReason, MessageKey> = {
  'not-https': 'content_paste_not_https',
  'unknown-page': 'content_paste_unknown_page',
  'other-site': 'content_paste_other_site',
  'frame-only-code': 'content_paste_frame_only',
  'not-for-frame': 'content_paste_not_for_frame',
  'frame-other-site': 'content_paste_frame_other_site',
  'ancestor-other-site': 'content_paste_ancestor_other_site',
};

/** Why a code was held, in the user's language (the core's reason; its English message is the same words). */
export function heldText(reason: HeldReason, code: BoundCode, destination: CodeDestination): string {
  const inFrame = reason === 'unknown-page' && destination.topRegistrableDomain && destination.frameRegistrableDomain !== undefined;
  const key = inFrame ? 'content_paste_unknown_frame' : HELD_TEXT[reason];
  return backgroundWords().t(key, code.displaySite, code.embedded?.displaySite ?? code.displaySite);
}

/**
 * A pasted text that may name its site: the code goes in only where the browser's own frame data —
 * the tab's frame chain and the sender's URL and origin, never the message — says the page (and frame)
 * is the site the code names, and no document on the way is one the guard calls a lookalike.
 */
export const pastedCode =
  (services: Services): CsHandlers['cs:pasted-code'] =>
  async ({ text }, sender): Promise<PastedCodeVerdict> => {
    const parsed = parsePastedCode(text);
    if (!parsed.ok) {
      return HELD_REFUSALS.has(parsed.error.code) ? { outcome: 'held', message: `${parsed.error.message} ${notPasted()}` } : { outcome: 'as-usual' };
    }
    const code: BoundCode = parsed.value;
    const { chain, requester } = await frameContext(services, sender);
    // No readable chain: the page is unknown (held, fail closed).
    const links = chain.ok ? chain.value : [];
    const destination = destinationOf(links, requester);
    const decision = originBoundCodeMayGo(code, destination);
    if (!decision.allowed) {
      return { outcome: 'held', message: `${heldText(decision.reason, code, destination)} ${notPasted()}`, site: code.displaySite };
    }
    const guard = services.guard.current();
    const lookalike = [...links.map((link) => link.url), requester.url].some((url) => guard.verdict(url).kind === 'lookalike');
    if (lookalike) {
      return { outcome: 'held', message: `${backgroundWords().t('content_paste_lookalike', code.displaySite)} ${notPasted()}`, site: code.displaySite };
    }
    return { outcome: 'fill', code: code.code };
  };
