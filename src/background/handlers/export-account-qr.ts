import { generate } from 'lean-qr';
import { toSvgSource } from 'lean-qr/extras/svg';
import { toOtpauthUri } from '../../core/otp/otpauth';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** A QR for moving one account to a phone, only after the password is entered again. */
export const exportAccountQr =
  (services: Services): UiHandlers['ui:export-account-qr'] =>
  async ({ id, password }) => {
    requireUnlocked(services.vault.unlocked);
    unwrapVault(await services.vault.verifyPassword(password));
    const account = services.vault.account(id);
    if (!account) throw new HandlerError('not-found', 'That account no longer exists.');
    const svg = toSvgSource(generate(toOtpauthUri(account)), { on: 'black', off: 'white', pad: 2, width: 256, height: 256 });
    return { svg };
  };
