import { parseOtpauthList } from '../../core/otp/otpauth';
import type { UiHandlers } from '../../messaging/router';
import { requireUnlocked } from '../handler-error';
import { previewDrafts } from '../preview';
import type { Services } from '../services';

/** One or many pasted otpauth:// links; each bad line is named with its reason. */
export const previewLinks =
  (services: Services): UiHandlers['ui:preview-links'] =>
  async ({ text }) => {
    requireUnlocked(services.vault.unlocked);
    const entries = parseOtpauthList(text);
    const drafts = entries.flatMap((entry) => (entry.result.ok ? [entry.result.value] : []));
    const errors = entries.flatMap((entry) => (entry.result.ok ? [] : [`Line ${entry.line}: ${entry.result.error.message}`]));
    if (entries.length === 0) errors.push('No otpauth:// link found.');
    return previewDrafts(services, 'links', drafts, { errors });
  };
