/**
 * andOTP plain backup: a JSON array of `{ secret, issuer, label, digits, type, algorithm,
 * period, counter, thumbnail, tags }`. Types TOTP, HOTP and STEAM are imported; MOTP is not.
 * Encrypted andOTP backups are binary and are rejected by detection as not text/not JSON.
 */
import { ok, type Result } from '../../result';
import type { OtpKind } from '../account';
import {
  type EntryOutcome,
  entryName,
  ImportCollector,
  importError,
  isRecord,
  parseJsonText,
  splitIssuerFromName,
  stringField,
} from './common';
import type { ImportError, ImportResult } from './types';

const FORMAT = 'andotp' as const;
const KINDS: Record<string, OtpKind> = { TOTP: 'totp', HOTP: 'hotp', STEAM: 'steam' };

export function parseAndOtp(text: string): Result<ImportResult, ImportError> {
  const json = parseJsonText(text, FORMAT);
  return json.ok ? parseAndOtpJson(json.value) : json;
}

function readEntry(entry: unknown, index: number): EntryOutcome {
  if (!isRecord(entry)) return { name: `entry ${index + 1}`, fields: 'entry is not an object' };
  const { issuer, accountName } = splitIssuerFromName(stringField(entry, 'issuer'), stringField(entry, 'label'));
  const name = entryName(issuer, accountName, `entry ${index + 1}`);
  const type = (stringField(entry, 'type') || 'TOTP').toUpperCase();
  const kind = KINDS[type];
  if (kind === undefined) return { name, fields: `${type} entries are not supported` };
  if (typeof entry.secret !== 'string') return { name, fields: 'entry has no secret' };
  const { algorithm, digits, period, counter } = entry;
  return { name, fields: { issuer, accountName, kind, secret: entry.secret, algorithm, digits, period, counter } };
}

export function parseAndOtpJson(value: unknown): Result<ImportResult, ImportError> {
  if (!Array.isArray(value)) return importError('bad-shape', FORMAT, 'not an andOTP backup: expected a JSON list of accounts');
  const collector = new ImportCollector();
  value.forEach((entry: unknown, index) => {
    collector.add(readEntry(entry, index));
  });
  return ok({ format: FORMAT, accounts: collector.accounts, unsupported: collector.unsupported });
}
