/** Every message type and its handler: a table, not an if/else chain. */
import type { CsHandlers, UiHandlers } from '../../messaging/router';
import type { Services } from '../services';
import { changePassword } from './change-password';
import { checkLink, menuLink } from './check-link';
import { clipboardStatus } from './clipboard-status';
import { exportForApps } from './export-for-apps';
import { listTrustedSites, untrustSite } from './trusted-sites';
import { commitPending } from './commit-pending';
import { copyCode } from './copy-code';
import { createVault } from './create-vault';
import { deleteAccount } from './delete-account';
import { describeTab } from './describe-tab';
import { exportAccountQr } from './export-account-qr';
import { exportBackup } from './export-backup';
import { exportRawVault } from './export-raw-vault';
import { getSettings } from './get-settings';
import { hello } from './hello';
import { hotpNext } from './hotp-next';
import { inspectBackup } from './inspect-backup';
import { accountCodes } from './account-codes';
import { listAccounts } from './list-accounts';
import { lock } from './lock';
import { openPopup } from './open-popup';
import { previewImage } from './preview-image';
import { previewImport } from './preview-import';
import { previewLinks } from './preview-links';
import { pastedCode } from './pasted-code';
import { previewManual } from './preview-manual';
import { reorder } from './reorder';
import { reportError } from './report-error';
import { restoreBackup } from './restore-backup';
import { requestCode } from './request-code';
import { scanTab } from './scan-tab';
import { setSettings } from './set-settings';
import { startOver } from './start-over';
import { trustSite } from './trust-site';
import { undoDelete } from './undo-delete';
import { unlock } from './unlock';
import { updateAccount } from './update-account';
import { vaultStatus } from './vault-status';
import { cancelHeldCode, confirmHeldCode, decideHeldCode, describeHeldCode } from './held-code';
import { warningContinue, warningDescribe, warningGo } from './warning-page';
import { warningForget, warningStatus } from './warning-memory';

export function uiHandlers(services: Services): UiHandlers {
  return {
    'ui:describe-tab': describeTab(services),
    'ui:vault-status': vaultStatus(services),
    'ui:create-vault': createVault(services),
    'ui:unlock': unlock(services),
    'ui:lock': lock(services),
    'ui:change-password': changePassword(services),
    'ui:list-accounts': listAccounts(services),
    'ui:preview-links': previewLinks(services),
    'ui:preview-manual': previewManual(services),
    'ui:scan-tab': scanTab(services),
    'ui:preview-image': previewImage(services),
    'ui:preview-import': previewImport(services),
    'ui:commit-pending': commitPending(services),
    'ui:update-account': updateAccount(services),
    'ui:delete-account': deleteAccount(services),
    'ui:undo-delete': undoDelete(services),
    'ui:reorder': reorder(services),
    'ui:hotp-next': hotpNext(services),
    'ui:account-codes': accountCodes(services),
    'ui:copy-code': copyCode(services),
    'ui:export-account-qr': exportAccountQr(services),
    'ui:export-backup': exportBackup(services),
    'ui:inspect-backup': inspectBackup(services),
    'ui:restore-backup': restoreBackup(services),
    'ui:export-raw-vault': exportRawVault(services),
    'ui:start-over': startOver(services),
    'ui:get-settings': getSettings(services),
    'ui:set-settings': setSettings(services),
    'ui:trust-site': trustSite(services),
    // Store readiness (issue 15): clipboard clearing, trusted sites with undo, check any link, export for other apps.
    'ui:clipboard-status': clipboardStatus(services),
    'ui:list-trusted-sites': listTrustedSites(services),
    'ui:untrust-site': untrustSite(services),
    'ui:check-link': checkLink(services),
    'ui:menu-link': menuLink(services),
    'ui:export-for-apps': exportForApps(services),
    // Warnings outside the page (interstitial, held-code confirmation).
    'ui:warning-describe': warningDescribe(services),
    'ui:warning-go': warningGo(services),
    'ui:warning-continue': warningContinue(services),
    'ui:warning-status': warningStatus(services),
    'ui:warning-forget': warningForget(services),
    'ui:held-code-describe': describeHeldCode(services),
    'ui:held-code-decide': decideHeldCode(services),
  };
}

export function csHandlers(services: Services): CsHandlers {
  return {
    'cs:hello': hello(services),
    'cs:request-code': requestCode(services),
    'cs:open-popup': openPopup(services),
    'cs:report-error': reportError(services),
    'cs:pasted-code': pastedCode(services),
    'cs:confirm-held-code': confirmHeldCode(services),
    'cs:cancel-held-code': cancelHeldCode(services),
  };
}
