import { detectAndParseImport } from '../../core/otp/import/detect';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { fromBase64 } from '../../core/vault/bytes';
import { requireUnlocked } from '../handler-error';
import { previewDrafts } from '../preview';
import type { Services } from '../services';

/** Imports are parsed whole: an error saves nothing, and nothing partial is ever saved. */
export const previewImport =
  (services: Services): UiHandlers['ui:preview-import'] =>
  async ({ text, bytesBase64, password }) => {
    requireUnlocked(services.vault.unlocked);
    const bytes = bytesBase64 !== undefined ? fromBase64(bytesBase64) : undefined;
    if (bytesBase64 !== undefined && !bytes) throw new HandlerError('bad-file', 'The file could not be read.');
    const parsed = await detectAndParseImport(
      { ...(text !== undefined ? { text } : {}), ...(bytes ? { bytes } : {}), ...(password ? { password } : {}) },
      { crypto: services.crypto },
    );
    if (!parsed.ok) throw new HandlerError(parsed.error.code, `Nothing was imported: ${parsed.error.message}.`);
    return previewDrafts(services, parsed.value.format, parsed.value.accounts, { unsupported: parsed.value.unsupported });
  };
