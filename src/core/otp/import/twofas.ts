/**
 * 2FAS backup (`.2fas`, JSON): `services[]` each with `name`, `secret` and
 * `otp: { account, issuer, digits, period, algorithm, tokenType, counter }`.
 * Password-protected backups (`servicesEncrypted`, PBKDF2 + AES-GCM) are refused with a clear
 * message: the CryptoPort has no PBKDF2 and the user can export again without a password.
 */
import { ok, type Result } from '../../result';
import type { OtpKind } from '../account';
import { type EntryOutcome, entryName, ImportCollector, importError, isRecord, parseJsonText, stringField } from './common';
import type { ImportError, ImportResult } from './types';

const FORMAT = '2fas' as const;
const KINDS: Record<string, OtpKind> = { TOTP: 'totp', HOTP: 'hotp', STEAM: 'steam' };

export const isTwoFasShape = (value: unknown): boolean =>
  isRecord(value) && (Array.isArray(value.services) || typeof value.servicesEncrypted === 'string') && 'schemaVersion' in value;

export function parseTwoFas(text: string): Result<ImportResult, ImportError> {
  const json = parseJsonText(text, FORMAT);
  return json.ok ? parseTwoFasJson(json.value) : json;
}

function readService(service: unknown, index: number): EntryOutcome {
  if (!isRecord(service)) return { name: `service ${index + 1}`, fields: 'service is not an object' };
  const otp = isRecord(service.otp) ? service.otp : {};
  const issuer = stringField(otp, 'issuer') || stringField(service, 'name');
  const accountName = stringField(otp, 'account') || stringField(otp, 'label');
  const name = entryName(issuer, accountName, `service ${index + 1}`);
  const tokenType = (stringField(otp, 'tokenType') || 'TOTP').toUpperCase();
  const kind = KINDS[tokenType];
  if (kind === undefined) return { name, fields: `${tokenType} tokens are not supported` };
  if (typeof service.secret !== 'string') return { name, fields: 'service has no secret' };
  const { algorithm, digits, period, counter } = otp;
  return { name, fields: { issuer, accountName, kind, secret: service.secret, algorithm, digits, period, counter } };
}

export function parseTwoFasJson(value: unknown): Result<ImportResult, ImportError> {
  if (!isRecord(value)) return importError('bad-shape', FORMAT, 'not a 2FAS backup: the file is not a JSON object');
  const services = value.services;
  const hasEncrypted = typeof value.servicesEncrypted === 'string' && value.servicesEncrypted !== '';
  if (hasEncrypted && (!Array.isArray(services) || services.length === 0)) {
    return importError(
      'encrypted-unsupported',
      FORMAT,
      'this 2FAS backup is password-protected; in 2FAS export the backup again without a password, import it, then delete that file',
    );
  }
  if (!Array.isArray(services)) return importError('bad-shape', FORMAT, 'not a 2FAS backup: "services" is not a list');
  const collector = new ImportCollector();
  services.forEach((service: unknown, index) => {
    collector.add(readService(service, index));
  });
  return ok({ format: FORMAT, accounts: collector.accounts, unsupported: collector.unsupported });
}
