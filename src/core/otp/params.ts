/**
 * Limits and checks every source of OTP parameters goes through (otpauth URIs, manual entry,
 * imports), so an account the vault stores can always produce a code.
 */
import { err, ok, type Result } from '../result';
import type { AccountDraft, DraftWarning, OtpAlgorithm, OtpParams } from './account';
import { decodeBase32 } from './base32';

export const OTP_LIMITS = {
  /** 80-bit keys are common (JBSWY3DPEHPK3PXP); otplib's default of 16 bytes is relaxed to this. */
  minSecretBytes: 10,
  /** Below RFC 4226's 128 bits the draft carries a 'short-secret' warning. */
  recommendedSecretBytes: 16,
  /** otplib's ceiling; also the size of RFC 6238's SHA-512 seed. */
  maxSecretBytes: 64,
  minDigits: 6,
  maxDigits: 8,
  steamDigits: 5,
  minPeriod: 1,
  /** otplib's ceiling (one hour); real services use 30 or 60, a few 90 or 120. */
  maxPeriod: 3600,
  defaultPeriod: 30,
  maxCounter: Number.MAX_SAFE_INTEGER,
  /** Issuer and account names longer than this are not names. */
  maxNameLength: 512,
} as const;

export type OtpField = 'secret' | 'algorithm' | 'digits' | 'period' | 'counter' | 'type' | 'issuer' | 'label';

export type OtpFieldErrorCode =
  | 'bad-secret'
  | 'bad-algorithm'
  | 'bad-digits'
  | 'bad-period'
  | 'bad-counter'
  | 'bad-type'
  | 'bad-issuer'
  | 'bad-label';

export interface OtpFieldError {
  readonly code: OtpFieldErrorCode;
  readonly field: OtpField;
  readonly message: string;
}

const fieldError = (code: OtpFieldErrorCode, field: OtpField, message: string): OtpFieldError => ({
  code,
  field,
  message,
});

/** Accepts SHA1, sha256, SHA-512, "HmacSHA1" in any case. */
export function parseAlgorithmName(text: string): OtpAlgorithm | null {
  const compact = text.trim().toUpperCase().replace(/^HMAC/, '').replace(/[-_\s]/g, '');
  if (compact === 'SHA1') return 'SHA1';
  if (compact === 'SHA256') return 'SHA256';
  if (compact === 'SHA512') return 'SHA512';
  return null;
}

export function decodeSecret(text: string): Result<Uint8Array, OtpFieldError> {
  const decoded = decodeBase32(text);
  if (!decoded.ok) return err(fieldError('bad-secret', 'secret', `secret is not valid base32: ${decoded.error.message}`));
  return checkSecretBytes(decoded.value);
}

export function checkSecretBytes(secret: Uint8Array): Result<Uint8Array, OtpFieldError> {
  if (secret.length < OTP_LIMITS.minSecretBytes) {
    return err(
      fieldError(
        'bad-secret',
        'secret',
        `secret is ${secret.length} bytes; at least ${OTP_LIMITS.minSecretBytes} bytes (16 base32 characters) are needed`,
      ),
    );
  }
  if (secret.length > OTP_LIMITS.maxSecretBytes) {
    return err(
      fieldError('bad-secret', 'secret', `secret is ${secret.length} bytes; at most ${OTP_LIMITS.maxSecretBytes} are supported`),
    );
  }
  return ok(secret);
}

const isWholeNumber = (value: number): boolean => Number.isSafeInteger(value);

/** Checks that parameters can produce a code; the returned params are a defensive copy. */
export function checkOtpParams(params: OtpParams): Result<OtpParams, OtpFieldError> {
  const secret = checkSecretBytes(params.secret);
  if (!secret.ok) return secret;
  if (!['SHA1', 'SHA256', 'SHA512'].includes(params.algorithm)) {
    return err(fieldError('bad-algorithm', 'algorithm', `algorithm ${String(params.algorithm)} is not SHA1, SHA256 or SHA512`));
  }
  if (params.kind === 'steam') {
    if (params.digits !== OTP_LIMITS.steamDigits) {
      return err(fieldError('bad-digits', 'digits', `Steam Guard codes have ${OTP_LIMITS.steamDigits} characters, not ${params.digits}`));
    }
  } else if (!isWholeNumber(params.digits) || params.digits < OTP_LIMITS.minDigits || params.digits > OTP_LIMITS.maxDigits) {
    return err(
      fieldError('bad-digits', 'digits', `digits must be ${OTP_LIMITS.minDigits} to ${OTP_LIMITS.maxDigits}, got ${params.digits}`),
    );
  }
  if (!isWholeNumber(params.period) || params.period < OTP_LIMITS.minPeriod || params.period > OTP_LIMITS.maxPeriod) {
    return err(
      fieldError(
        'bad-period',
        'period',
        `period must be ${OTP_LIMITS.minPeriod} to ${OTP_LIMITS.maxPeriod} seconds, got ${params.period}`,
      ),
    );
  }
  if (!isWholeNumber(params.counter) || params.counter < 0 || params.counter > OTP_LIMITS.maxCounter) {
    return err(fieldError('bad-counter', 'counter', `counter must be a whole number from 0, got ${params.counter}`));
  }
  if (!['totp', 'hotp', 'steam'].includes(params.kind)) {
    return err(fieldError('bad-type', 'type', `type ${String(params.kind)} is not totp, hotp or steam`));
  }
  return ok({ ...params, secret: params.secret.slice() });
}

/** Reads a decimal whole number the way a URI or JSON field carries it ("6", 6). */
export function parseWholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d{1,16}\s*$/.test(value)) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : null;
  }
  return null;
}

export interface DraftInput {
  issuer: string;
  accountName: string;
  otp: OtpParams;
  warnings?: DraftWarning[];
}

/** Validates parameters and names, and adds the warnings every draft gets (short secret). */
export function buildDraft(input: DraftInput): Result<AccountDraft, OtpFieldError> {
  const otp = checkOtpParams(input.otp);
  if (!otp.ok) return otp;
  const issuer = input.issuer.trim();
  const accountName = input.accountName.trim();
  if (issuer.length > OTP_LIMITS.maxNameLength) {
    return err(fieldError('bad-issuer', 'issuer', `issuer is longer than ${OTP_LIMITS.maxNameLength} characters`));
  }
  if (accountName.length > OTP_LIMITS.maxNameLength) {
    return err(fieldError('bad-label', 'label', `account name is longer than ${OTP_LIMITS.maxNameLength} characters`));
  }
  const warnings = [...(input.warnings ?? [])];
  if (otp.value.secret.length < OTP_LIMITS.recommendedSecretBytes) {
    warnings.push({
      code: 'short-secret',
      message: `the secret is ${otp.value.secret.length * 8} bits; 128 bits or more is recommended`,
    });
  }
  return ok({ issuer, accountName, otp: otp.value, domains: [], warnings });
}

export function defaultOtpParams(secret: Uint8Array): OtpParams {
  return { kind: 'totp', secret, algorithm: 'SHA1', digits: 6, period: OTP_LIMITS.defaultPeriod, counter: 0 };
}
