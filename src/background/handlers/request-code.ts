import { accountsForFrame, frameRefusal, mayRelease, RELEASE_REFUSAL_TEXT } from '../../core/policy/release';
import { HandlerError, type CsHandlers } from '../../messaging/router';
import { codeForUse } from '../codes';
import type { Services } from '../services';
import { frameContext } from './frame-context';

/**
 * The only way a code reaches a page: the background checks, from the browser's own sender data and
 * frame tree, that the asking document may have this account's code (default deny), then releases one
 * code — after checking once more, right before the reply, that the same document is still in that
 * frame below the same kind of frames (a frame can navigate while the code is being made).
 */
export const requestCode =
  (services: Services): CsHandlers['cs:request-code'] =>
  async ({ accountId }, sender) => {
    const frame = await frameContext(services, sender);
    const rules = services.guard.releaseRules();
    // A frame that could never get a code is told so, locked or not: no unlock prompt for it.
    const shape = frameRefusal(rules, frame);
    if (shape) throw new HandlerError('not-allowed', RELEASE_REFUSAL_TEXT[shape]);
    if (!services.vault.unlocked) throw new HandlerError('locked', RELEASE_REFUSAL_TEXT.locked);
    const { accountIds, refusal } = accountsForFrame(rules, frame);
    const allowed = services.vault
      .accounts()
      .filter((account) => accountIds.includes(account.id) && (accountId === undefined || account.id === accountId));
    if (allowed.length === 0) throw new HandlerError('not-allowed', RELEASE_REFUSAL_TEXT[refusal ?? 'account-not-for-site']);
    if (allowed.length > 1) throw new HandlerError('choose-account', 'Several accounts belong to this site: choose one.');
    const account = allowed[0]!;
    const code = await codeForUse(services, account);
    const again = mayRelease(services.guard.releaseRules(), await frameContext(services, sender), account.id, !services.vault.unlocked);
    if (!again.allowed) throw new HandlerError(again.refusal === 'locked' ? 'locked' : 'not-allowed', RELEASE_REFUSAL_TEXT[again.refusal]);
    await services.autoLock.touch((await services.settings.get()).autoLockMinutes);
    return { code, accountId: account.id };
  };
