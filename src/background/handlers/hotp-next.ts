import { HandlerError, type UiHandlers } from '../../messaging/router';
import { codeForUse } from '../codes';
import { requireUnlocked } from '../handler-error';
import type { Services } from '../services';

export const hotpNext =
  (services: Services): UiHandlers['ui:hotp-next'] =>
  async ({ id }) => {
    requireUnlocked(services.vault.unlocked);
    const account = services.vault.account(id);
    if (account?.otp.kind !== 'hotp') throw new HandlerError('not-found', 'No such HOTP account.');
    return { code: await codeForUse(services, account) };
  };
