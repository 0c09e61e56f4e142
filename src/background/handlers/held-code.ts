/**
 * The held-code confirmation. The content script asks and waits: the reply to its own message is the
 * user's decision, so the answer reaches only the tab, frame and document that asked (the browser's
 * reply channel, not an id a page could name). The confirmation window gets a random request id.
 */
import { HandlerError, type CsHandlers, type UiHandlers } from '../../messaging/router';
import { pageReport } from '../page-report';
import type { Services } from '../services';
import { warningFor } from '../warning-text';
import { documentUrlForWarnings, topUrlOf } from './frame-context';

export const confirmHeldCode =
  (services: Services): CsHandlers['cs:confirm-held-code'] =>
  async ({ digits }, sender) => {
    const topUrl = await topUrlOf(services, sender);
    const guard = services.guard.current();
    const own = guard.verdict(documentUrlForWarnings(sender));
    const top = topUrl ? guard.verdict(topUrl) : own;
    const lookalike = own.kind === 'lookalike' ? own : top.kind === 'lookalike' ? top : null;
    // Only a lookalike's guard holds codes: anything else asking is not ours to answer "enter".
    if (!lookalike) throw new HandlerError('not-a-lookalike', 'This page is not one OTP Guard holds codes for.');
    const question = { page: pageReport(lookalike), headline: warningFor(lookalike).headline, digits };
    const choice = await services.warnings.heldCodes.ask({ tabId: sender.tabId, frameId: sender.frameId }, question);
    return { choice };
  };

export const cancelHeldCode =
  (services: Services): CsHandlers['cs:cancel-held-code'] =>
  async (_message, sender) => ({ cancelled: services.warnings.heldCodes.cancel({ tabId: sender.tabId, frameId: sender.frameId }) });

export const describeHeldCode =
  (services: Services): UiHandlers['ui:held-code-describe'] =>
  async ({ requestId }) => {
    const question = services.warnings.heldCodes.describe(requestId);
    if (!question) throw new HandlerError('question-closed', 'This question is closed: the code was not entered.');
    return question;
  };

export const decideHeldCode =
  (services: Services): UiHandlers['ui:held-code-decide'] =>
  async ({ requestId, choice }) => ({ decided: services.warnings.heldCodes.decide(requestId, choice) });
