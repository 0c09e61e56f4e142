import { mayRelease, RELEASE_REFUSAL_TEXT } from '../../core/policy/release';
import { HandlerError, type CsHandlers } from '../../messaging/router';
import { codeForUse } from '../codes';
import type { Services } from '../services';
import { frameContext } from './frame-context';

/**
 * The only way a code reaches a page: the background checks, from the browser's own tab and frame
 * URLs, that the frame may have this account's code (default deny), then releases one code.
 */
export const requestCode =
  (services: Services): CsHandlers['cs:request-code'] =>
  async ({ accountId }, sender) => {
    const frame = await frameContext(services, sender);
    const guard = services.guard.current();
    const candidates = services.vault.accounts().filter((account) => accountId === undefined || account.id === accountId);
    const allowed = candidates.filter(
      (account) => mayRelease(guard, frame, account.id, !services.vault.unlocked).allowed,
    );
    if (!services.vault.unlocked) throw new HandlerError('locked', RELEASE_REFUSAL_TEXT.locked);
    if (allowed.length === 0) {
      const decision = mayRelease(guard, frame, accountId ?? '', false);
      throw new HandlerError('not-allowed', decision.allowed ? RELEASE_REFUSAL_TEXT['account-not-for-site'] : RELEASE_REFUSAL_TEXT[decision.refusal]);
    }
    if (allowed.length > 1) throw new HandlerError('choose-account', 'Several accounts belong to this site: choose one.');
    const account = allowed[0]!;
    const code = await codeForUse(services, account);
    await services.autoLock.touch((await services.settings.get()).autoLockMinutes);
    return { code, accountId: account.id };
  };
