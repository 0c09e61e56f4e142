import type { AccountDraft } from '../../core/otp/account';
import { parseGoogleMigration } from '../../core/otp/import/google-migration';
import { parseOtpauthUri } from '../../core/otp/otpauth';

/** QR payloads: otpauth:// links and Google Authenticator export batches; anything else is named. */
export function draftsFromQrTexts(texts: string[]): { drafts: AccountDraft[]; errors: string[]; unsupported: { name: string; reason: string }[] } {
  const drafts: AccountDraft[] = [];
  const errors: string[] = [];
  const unsupported: { name: string; reason: string }[] = [];
  const migrations = texts.filter((text) => /^otpauth-migration:/i.test(text));
  for (const text of texts) {
    if (/^otpauth:/i.test(text)) {
      const parsed = parseOtpauthUri(text);
      if (parsed.ok) drafts.push(parsed.value);
      else errors.push(`QR code: ${parsed.error.message}`);
    } else if (!/^otpauth-migration:/i.test(text)) {
      errors.push('A QR code on it is not a one-time-code setup code.');
    }
  }
  if (migrations.length > 0) {
    const parsed = parseGoogleMigration(migrations.join('\n'));
    if (parsed.ok) {
      drafts.push(...parsed.value.accounts);
      unsupported.push(...parsed.value.unsupported);
    } else errors.push(parsed.error.message);
  }
  return { drafts, errors, unsupported };
}
