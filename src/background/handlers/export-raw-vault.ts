import type { UiHandlers } from '../../messaging/router';
import { backupFileName } from '../backup-file-name';
import { unwrapVault } from '../handler-error';
import type { Services } from '../services';

/** Forgotten password: the old vault, still encrypted, so it is kept before a new one is started. */
export const exportRawVault =
  (services: Services): UiHandlers['ui:export-raw-vault'] =>
  async () => ({
    fileName: backupFileName('vault-before-reset', services.clock.now()),
    fileText: unwrapVault(await services.vault.exportRaw()),
  });
