/**
 * Manual enrolment (issuer, account, secret; advanced: algorithm, digits, period, counter) and
 * the HOTP "next code" step, as pure functions the popup and the vault share.
 */
import { err, ok, type Result } from '../result';
import type { Account, AccountDraft, OtpAlgorithm, OtpKind } from './account';
import { buildDraft, decodeSecret, OTP_LIMITS, type OtpFieldError } from './params';

export interface ManualEntry {
  issuer: string;
  accountName: string;
  /** base32 as the site shows it (spaces, lower case and padding are fine). */
  secret: string;
  kind?: OtpKind;
  algorithm?: OtpAlgorithm;
  digits?: number;
  period?: number;
  counter?: number;
}

export function draftFromManualEntry(entry: ManualEntry): Result<AccountDraft, OtpFieldError> {
  if (entry.secret.trim() === '') return err({ code: 'bad-secret', field: 'secret', message: 'enter the secret key the site shows' });
  const secret = decodeSecret(entry.secret);
  if (!secret.ok) return secret;
  const kind = entry.kind ?? 'totp';
  return buildDraft({
    issuer: entry.issuer,
    accountName: entry.accountName,
    otp: {
      kind,
      secret: secret.value,
      algorithm: entry.algorithm ?? 'SHA1',
      digits: kind === 'steam' ? OTP_LIMITS.steamDigits : (entry.digits ?? 6),
      period: entry.period ?? OTP_LIMITS.defaultPeriod,
      counter: kind === 'hotp' ? (entry.counter ?? 0) : 0,
    },
  });
}

/**
 * The account after its HOTP code has been used: counter + 1. The vault applies this inside
 * one read-modify-write so two quick clicks cannot reuse a counter.
 */
export function advanceHotpCounter(account: Account, nowMs: number): Result<Account, OtpFieldError> {
  if (account.otp.kind !== 'hotp') {
    return err({ code: 'bad-type', field: 'type', message: 'only HOTP accounts have a counter to advance' });
  }
  if (account.otp.counter >= OTP_LIMITS.maxCounter) {
    return err({ code: 'bad-counter', field: 'counter', message: 'the HOTP counter cannot go any higher' });
  }
  return ok({ ...account, otp: { ...account.otp, counter: account.otp.counter + 1 }, updatedAt: nowMs });
}
