/** Helpers every import parser shares: size limit, JSON reading, entry → draft. */
import { err, ok, type Result } from '../../result';
import type { AccountDraft, OtpAlgorithm, OtpKind } from '../account';
import { buildDraft, checkSecretBytes, decodeSecret, OTP_LIMITS, parseAlgorithmName, parseWholeNumber } from '../params';
import type { ImportError, ImportErrorCode, ImportFormat, UnsupportedEntry } from './types';

/** Real exports of even thousands of accounts are a few hundred kB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const importError = (code: ImportErrorCode, format: ImportFormat | null, message: string) =>
  err<ImportError>({ code, format, message });

/** A string of more UTF-16 units than the limit is certainly more bytes than it too. */
export function checkTextSize(text: string, format: ImportFormat | null): Result<string, ImportError> {
  if (text.length > MAX_IMPORT_BYTES) {
    return importError('too-large', format, `the input is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; no authenticator export is that big`);
  }
  return ok(text);
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseJsonText(text: string, format: ImportFormat | null): Result<unknown, ImportError> {
  const sized = checkTextSize(text, format);
  if (!sized.ok) return sized;
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return importError('empty', format, 'the file is empty');
  try {
    return ok(JSON.parse(body) as unknown);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'syntax error';
    return importError('bad-json', format, `the file is not valid JSON (${detail})`);
  }
}

export const stringField = (record: Record<string, unknown>, key: string): string =>
  typeof record[key] === 'string' ? (record[key] as string) : '';

/** A display name for the summary's unsupported list. */
export function entryName(issuer: string, accountName: string, fallback: string): string {
  const parts = [issuer.trim(), accountName.trim()].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(': ') : fallback;
}

export interface EntryFields {
  issuer: string;
  accountName: string;
  kind: OtpKind;
  /** base32 text, or raw bytes when the format stores them. */
  secret: string | Uint8Array;
  /** Raw field values as found; absent or null means the format's default. */
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  counter?: unknown;
}

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** Turns one entry's raw fields into a draft, or a reason naming the field when it cannot. */
export function draftFromEntry(fields: EntryFields): Result<AccountDraft, string> {
  const secret = typeof fields.secret === 'string' ? decodeSecret(fields.secret) : checkSecretBytes(fields.secret);
  if (!secret.ok) return err(secret.error.message);
  let algorithm: OtpAlgorithm = 'SHA1';
  if (present(fields.algorithm)) {
    const parsed = typeof fields.algorithm === 'string' ? parseAlgorithmName(fields.algorithm) : null;
    if (parsed === null) return err(`algorithm ${JSON.stringify(fields.algorithm)} is not supported (SHA1, SHA256 or SHA512 only)`);
    algorithm = parsed;
  }
  const digits = present(fields.digits) ? parseWholeNumber(fields.digits) : fields.kind === 'steam' ? OTP_LIMITS.steamDigits : 6;
  if (digits === null) return err(`digits ${JSON.stringify(fields.digits)} is not a number`);
  const period = present(fields.period) ? parseWholeNumber(fields.period) : OTP_LIMITS.defaultPeriod;
  if (period === null) return err(`period ${JSON.stringify(fields.period)} is not a whole number of seconds`);
  const counter = fields.kind === 'hotp' && present(fields.counter) ? parseWholeNumber(fields.counter) : 0;
  if (counter === null) return err(`counter ${JSON.stringify(fields.counter)} is not a whole number`);
  const draft = buildDraft({
    issuer: fields.issuer,
    accountName: fields.accountName,
    otp: {
      kind: fields.kind,
      secret: secret.value,
      algorithm,
      // Steam codes are 5 characters whatever the file says (some apps store 6 or 0).
      digits: fields.kind === 'steam' ? OTP_LIMITS.steamDigits : digits,
      period,
      counter,
    },
  });
  return draft.ok ? draft : err(draft.error.message);
}

/** One entry of a file: its display name and either its fields or why it cannot be imported. */
export interface EntryOutcome {
  name: string;
  fields: EntryFields | string;
}

/** Collects drafts and unsupported entries as a parser walks a file. */
export class ImportCollector {
  readonly accounts: AccountDraft[] = [];
  readonly unsupported: UnsupportedEntry[] = [];

  /** Adds a draft from the entry's fields, or lists it as unsupported with the reason given or found. */
  add(entry: EntryOutcome): void {
    if (typeof entry.fields === 'string') {
      this.skip(entry.name, entry.fields);
      return;
    }
    const draft = draftFromEntry(entry.fields);
    if (draft.ok) this.accounts.push(draft.value);
    else this.unsupported.push({ name: entry.name, reason: draft.error });
  }

  skip(name: string, reason: string): void {
    this.unsupported.push({ name, reason });
  }
}

/** "Issuer:account" in a name field, split when no separate issuer is given. */
export function splitIssuerFromName(issuer: string, name: string): { issuer: string; accountName: string } {
  const trimmedIssuer = issuer.trim();
  const colon = name.indexOf(':');
  if (colon === -1) return { issuer: trimmedIssuer, accountName: name.trim() };
  const prefix = name.slice(0, colon).trim();
  const rest = name.slice(colon + 1).trim();
  if (trimmedIssuer === '') return { issuer: prefix, accountName: rest };
  if (prefix.toLowerCase() === trimmedIssuer.toLowerCase()) return { issuer: trimmedIssuer, accountName: rest };
  return { issuer: trimmedIssuer, accountName: name.trim() };
}
