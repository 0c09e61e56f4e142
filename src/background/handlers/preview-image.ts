import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked } from '../handler-error';
import { previewDrafts } from '../preview';
import type { Services } from '../services';
import { draftsFromQrTexts } from './qr-texts';

export const previewImage =
  (services: Services): UiHandlers['ui:preview-image'] =>
  async ({ dataUrl }) => {
    requireUnlocked(services.vault.unlocked);
    let texts: string[];
    try {
      texts = await services.decodeQrImage(dataUrl);
    } catch {
      throw new HandlerError('bad-image', 'This file could not be read as an image.');
    }
    if (texts.length === 0) throw new HandlerError('no-qr', 'No QR code was found in this image.');
    const { drafts, errors, unsupported } = draftsFromQrTexts(texts);
    return previewDrafts(services, 'image', drafts, { errors, unsupported });
  };
