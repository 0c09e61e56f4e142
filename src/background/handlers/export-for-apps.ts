import { toAegisPlainJson, toOtpauthList } from '../../core/otp/export-for-apps';
import type { UiHandlers } from '../../messaging/router';
import { requireUnlocked, requireUsable, unwrapVault } from '../handler-error';
import type { Services } from '../services';

const FILE_ENDING = { otpauth: 'otpauth.txt', aegis: 'aegis-plain.json' } as const;

/**
 * Every account in plain text for another app. The secrets are written here, in the background, and only after the
 * vault password was entered again; the options page only saves the file (as it does for the encrypted backup).
 */
export const exportForApps =
  (services: Services): UiHandlers['ui:export-for-apps'] =>
  async ({ password, format }) => {
    requireUnlocked(services.vault.unlocked);
    requireUsable(services.vault.degraded);
    unwrapVault(await services.vault.verifyPassword(password));
    const accounts = services.vault.accounts();
    const fileText = format === 'otpauth' ? toOtpauthList(accounts) : toAegisPlainJson(accounts, () => crypto.randomUUID());
    const day = new Date(services.clock.now()).toISOString().slice(0, 10);
    return { fileName: `otp-guard-export-${day}-${FILE_ENDING[format]}`, fileText, accounts: accounts.length };
  };
