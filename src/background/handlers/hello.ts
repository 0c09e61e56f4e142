import { accountsForFrame, frameRefusal } from '../../core/policy/release';
import type { Verdict } from '../../core/domain/guard';
import type { PageState } from '../../messaging/protocol';
import type { CsHandlers } from '../../messaging/router';
import type { Services } from '../services';
import { warningFor } from '../warning-text';
import { documentUrlForWarnings, frameContext, topUrlOf } from './frame-context';

const isVerifiedHttps = (verdict: Verdict) => verdict.kind === 'verified' && verdict.target.scheme === 'https';

/** A content script asks what its page is. It gets enough to display, never a secret. */
export const hello =
  (services: Services): CsHandlers['cs:hello'] =>
  async (_message, sender) => {
    const topUrl = await topUrlOf(services, sender);
    const guard = services.guard.current();
    const frameVerdict = guard.verdict(documentUrlForWarnings(sender));
    const topVerdict = topUrl ? guard.verdict(topUrl) : frameVerdict;
    // What the frame is for filling: the release policy over the browser's frame chain and the sender's
    // origin. The chain is read only where the top page and the frame are verified https pages at all.
    const worthChecking = isVerifiedHttps(topVerdict) && isVerifiedHttps(frameVerdict);
    const frame = worthChecking ? await frameContext(services, sender) : null;
    const rules = services.guard.releaseRules();
    const { accountIds } = frame ? accountsForFrame(rules, frame) : { accountIds: [] };
    const labels = new Map(services.guard.accounts().map((rule) => [rule.accountId, rule.label]));
    const lookalike = frameVerdict.kind === 'lookalike' ? frameVerdict : topVerdict.kind === 'lookalike' ? topVerdict : null;
    const settings = await services.settings.get();
    const locked = !services.vault.unlocked;
    // While locked the accounts' own domains are sealed in the vault: a verified https brand page
    // shows the in-field button, which opens the popup to unlock; the release check runs after.
    const mayFillAfterUnlock = locked && frame !== null && frameRefusal(rules, frame) === null;
    const state: PageState = {
      verdict: frameVerdict.kind,
      locked,
      fillable: accountIds.length > 0 || mayFillAfterUnlock,
      autoFill: settings.autoFill,
      autoSubmit: settings.autoSubmit,
      accounts: accountIds.map((id) => ({ id, label: labels.get(id) ?? id })),
      ...(lookalike ? { warning: warningFor(lookalike) } : {}),
    };
    // The top frame's content script runs after the navigation committed: the badge set now stays.
    if (sender.frameId === 0) void services.refreshBadge(sender.tabId, documentUrlForWarnings(sender));
    // Only frames with something to fill or to warn about get the content engine.
    if (state.fillable || state.warning) void services.injectEngine(sender.tabId, sender.frameId);
    return state;
  };
