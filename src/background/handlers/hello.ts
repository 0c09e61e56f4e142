import { accountsForFrame } from '../../core/policy/release';
import type { PageState } from '../../messaging/protocol';
import type { CsHandlers } from '../../messaging/router';
import type { Services } from '../services';
import { warningFor } from '../warning-text';

/** A content script asks what its page is. It gets enough to display, never a secret. */
export const hello =
  (services: Services): CsHandlers['cs:hello'] =>
  async (_message, sender) => {
    const guard = services.guard.current();
    const topUrl = sender.frameId === 0 ? sender.frameUrl : (sender.tabUrl ?? (await services.tabUrl(sender.tabId)));
    const frameVerdict = guard.verdict(sender.frameUrl);
    const topVerdict = topUrl ? guard.verdict(topUrl) : frameVerdict;
    const { accountIds } = accountsForFrame(guard, { topUrl, frameUrl: sender.frameUrl, frameId: sender.frameId });
    const labels = new Map(services.guard.accounts().map((rule) => [rule.accountId, rule.label]));
    const lookalike = frameVerdict.kind === 'lookalike' ? frameVerdict : topVerdict.kind === 'lookalike' ? topVerdict : null;
    const state: PageState = {
      verdict: frameVerdict.kind,
      locked: true,
      fillable: accountIds.length > 0,
      autoFill: false,
      accounts: accountIds.map((id) => ({ id, label: labels.get(id) ?? id })),
      ...(lookalike ? { warning: warningFor(lookalike) } : {}),
    };
    return state;
  };
