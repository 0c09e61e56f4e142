/**
 * The "Authenticator" browser extension's JSON backup: an object keyed by entry hash, each
 * `{ account, issuer, secret, type, encrypted, period, digits, algorithm, counter }`.
 * Types: totp, hotp, steam; battle (Battle.net: TOTP with 8 digits); hex and hhex (TOTP and
 * HOTP with a hex secret). Entries encrypted with the extension's password are listed as
 * unsupported: the user can remove the password and back up again.
 */
import { ok, type Result } from '../../result';
import type { OtpKind } from '../account';
import { decodeHex } from './bytes';
import { type EntryOutcome, entryName, ImportCollector, importError, isRecord, parseJsonText, stringField } from './common';
import type { ImportError, ImportResult } from './types';

const FORMAT = 'authenticator-extension' as const;

interface TypeRule {
  kind: OtpKind;
  hexSecret: boolean;
  digits?: number;
}

const TYPES: Record<string, TypeRule> = {
  totp: { kind: 'totp', hexSecret: false },
  hotp: { kind: 'hotp', hexSecret: false },
  steam: { kind: 'steam', hexSecret: false },
  battle: { kind: 'totp', hexSecret: false, digits: 8 },
  hex: { kind: 'totp', hexSecret: true },
  hhex: { kind: 'hotp', hexSecret: true },
};

/** Older versions store the algorithm as its enum number. */
const ALGORITHM_NUMBERS: Record<number, string> = { 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };

/** Keys that carry the backup's encryption metadata rather than an account. */
const METADATA_KEYS = new Set(['key', 'enc']);

export const isAuthenticatorExtensionShape = (value: unknown): boolean =>
  isRecord(value) &&
  Object.entries(value).some(([key, entry]) => !METADATA_KEYS.has(key) && isRecord(entry) && typeof entry.secret === 'string');

export function parseAuthenticatorExtension(text: string): Result<ImportResult, ImportError> {
  const json = parseJsonText(text, FORMAT);
  return json.ok ? parseAuthenticatorExtensionJson(json.value) : json;
}

function readEntry(key: string, entry: unknown): EntryOutcome {
  if (!isRecord(entry)) return { name: key, fields: 'entry is not an object' };
  const issuer = stringField(entry, 'issuer');
  const accountName = stringField(entry, 'account');
  const name = entryName(issuer, accountName, key);
  if (entry.encrypted === true) {
    return { name, fields: "entry is encrypted with the extension's password; remove the password there and back up again" };
  }
  const type = (stringField(entry, 'type') || 'totp').toLowerCase();
  const rule = TYPES[type];
  if (rule === undefined) return { name, fields: `${type} entries are not supported` };
  if (typeof entry.secret !== 'string') return { name, fields: 'entry has no secret' };
  let secret: string | Uint8Array = entry.secret;
  if (rule.hexSecret) {
    const bytes = decodeHex(entry.secret);
    if (bytes === null) return { name, fields: 'secret is not valid hex' };
    secret = bytes;
  }
  const algorithm =
    typeof entry.algorithm === 'number' ? (ALGORITHM_NUMBERS[entry.algorithm] ?? String(entry.algorithm)) : entry.algorithm;
  const digits = rule.digits ?? entry.digits;
  return { name, fields: { issuer, accountName, kind: rule.kind, secret, algorithm, digits, period: entry.period, counter: entry.counter } };
}

export function parseAuthenticatorExtensionJson(value: unknown): Result<ImportResult, ImportError> {
  if (!isRecord(value)) {
    return importError('bad-shape', FORMAT, 'not an Authenticator extension backup: the file is not a JSON object');
  }
  const collector = new ImportCollector();
  for (const [key, entry] of Object.entries(value)) {
    if (!METADATA_KEYS.has(key)) collector.add(readEntry(key, entry));
  }
  return ok({ format: FORMAT, accounts: collector.accounts, unsupported: collector.unsupported });
}
