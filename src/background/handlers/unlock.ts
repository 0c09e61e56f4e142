import { HandlerError, type UiHandlers } from '../../messaging/router';
import { unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** A wrong password gets a clear message and a growing delay; the vault is never written. */
export const unlock =
  (services: Services): UiHandlers['ui:unlock'] =>
  async ({ password }) => {
    unwrapVault(await services.vault.unlock(password));
    const degraded = services.vault.degraded;
    if (degraded !== null) {
      // Unlocked but unable to read the accounts: nothing to use, so do not stay unlocked.
      await services.autoLock.fire();
      throw new HandlerError('storage-failed', 'The accounts could not be read, so OTP Guard stayed locked. Try again.');
    }
    try {
      await services.autoLock.touch((await services.settings.get()).autoLockMinutes);
    } catch (error) {
      // Unlocked without a stored deadline, a later worker would never auto-lock: stay locked instead.
      console.error('[otp-guard] unlock: auto-lock deadline not stored', error);
      await services.autoLock.fire();
      throw new HandlerError('storage-failed', 'OTP Guard could not start its auto-lock timer, so it stayed locked. Try again.');
    }
    services.broadcastPageState();
    return services.vault.status();
  };
