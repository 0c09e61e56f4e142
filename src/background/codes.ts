/** The one place a code is produced for use (fill, copy, HOTP "next"): HOTP advances first, then shows. */
import type { Account } from '../core/otp/account';
import { generateCode, generateHotp } from '../core/otp/codes';
import { HandlerError } from '../messaging/router';
import { unwrapVault } from './handler-error';
import type { Services } from './services';

export async function codeForUse(services: Services, account: Account): Promise<string> {
  if (account.otp.kind !== 'hotp') {
    const code = generateCode(account.otp, { epochMs: services.clock.now() });
    if (!code.ok) throw new HandlerError('code-failed', code.error.message);
    return code.value;
  }
  const code = generateHotp(account.otp, account.otp.counter);
  if (!code.ok) throw new HandlerError('code-failed', code.error.message);
  // Saved before the code is released, so a code is never shown twice even if the worker dies now.
  const advanced = { ...account, otp: { ...account.otp, counter: account.otp.counter + 1 }, updatedAt: services.clock.now() };
  unwrapVault(await services.vault.putAccounts([advanced], services.vault.revision));
  return code.value;
}
