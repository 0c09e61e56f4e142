import { buildDraft, decodeSecret } from '../../core/otp/params';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked } from '../handler-error';
import { previewDrafts } from '../preview';
import type { Services } from '../services';

export const previewManual =
  (services: Services): UiHandlers['ui:preview-manual'] =>
  async (message) => {
    requireUnlocked(services.vault.unlocked);
    const secret = decodeSecret(message.secret);
    if (!secret.ok) throw new HandlerError(secret.error.code, secret.error.message);
    const draft = buildDraft({
      issuer: message.issuer,
      accountName: message.accountName,
      otp: {
        kind: message.kind,
        secret: secret.value,
        algorithm: message.algorithm,
        digits: message.kind === 'steam' ? 5 : message.digits,
        period: message.period,
        counter: message.counter,
      },
    });
    if (!draft.ok) throw new HandlerError(draft.error.code, draft.error.message);
    return previewDrafts(services, 'manual', [draft.value]);
  };
