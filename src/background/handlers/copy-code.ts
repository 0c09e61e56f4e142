import { pageCoveringAccountIds } from '../../core/policy/release';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { codeForUse } from '../codes';
import { requireUnlocked, requireUsable } from '../handler-error';
import type { Services } from '../services';
import { backgroundWords } from '../words';

/**
 * Copying follows the fill policy where it matters: no code is copied while the tab in front is a
 * lookalike (that is where it would be pasted), nor when the browser cannot say which tab is in front.
 * On another site that is not the account's own, the code is copied with a warning, since the user may
 * be typing it into an app or another device.
 */
export const copyCode =
  (services: Services): UiHandlers['ui:copy-code'] =>
  async ({ id }) => {
    requireUnlocked(services.vault.unlocked);
    requireUsable(services.vault.degraded);
    const account = services.vault.account(id);
    if (!account) throw new HandlerError('not-found', 'That account no longer exists.');
    const front = await services.frontTab();
    if (!front) throw new HandlerError('no-front-tab', backgroundWords().t('codes_copy_no_front'));
    const url = front.url;
    const verdict = services.guard.current().verdict(url);
    if (verdict.kind === 'lookalike') {
      throw new HandlerError(
        'lookalike-page',
        backgroundWords().t('codes_copy_lookalike', verdict.target.unicodeHost, verdict.imitates.name),
      );
    }
    const code = await codeForUse(services, account);
    // The popup writes the code; the background clears it later (an alarm survives a stopped worker).
    const clearsAt = await services.clipboard
      .schedule(code, (await services.settings.get()).clipboardClearSeconds)
      .catch(() => undefined);
    const clearing = clearsAt === undefined ? {} : { clearsAt };
    if (verdict.kind === 'verified' || verdict.kind === 'unknown') {
      if (!pageCoveringAccountIds(services.guard.releaseRules(), url).includes(account.id)) {
        return { code, ...clearing, warning: backgroundWords().t('codes_copy_other_site', verdict.target.unicodeHost) };
      }
    }
    return { code, ...clearing };
  };
