/**
 * Codes through otplib, with its secret-length guardrail relaxed to 10 bytes so the common
 * 80-bit keys work (the draft carries a 'short-secret' warning instead). otplib throws for bad
 * options; these functions return a typed error instead.
 */
import { createGuardrails, generateSync, type HashAlgorithm } from 'otplib';
import { err, ok, type Result } from '../result';
import type { OtpAlgorithm, OtpParams } from './account';
import { checkOtpParams, OTP_LIMITS } from './params';

export interface CodeError {
  readonly code: 'bad-params' | 'bad-time' | 'otp-library-failed';
  readonly message: string;
}

const GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: OTP_LIMITS.minSecretBytes });

const HASH_NAME: Record<OtpAlgorithm, HashAlgorithm> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/** Steam Guard's 26-character alphabet (no vowels, no look-alike 0/1/O/I/L...). */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** Steam writes the 31-bit truncated HMAC in base 26, least significant character first. */
export function encodeSteamToken(truncated: number, length: number): string {
  let value = truncated;
  let out = '';
  for (let index = 0; index < length; index++) {
    out += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return out;
}

/**
 * otplib 13.5's generateSync drops `hooks`, so Steam cannot use its encodeToken hook. Asking for
 * 10 digits instead yields the whole 31-bit truncated value (< 2^31 < 10^10), which is then
 * written in Steam's alphabet.
 */
const FULL_TRUNCATION_DIGITS = 10;

function runOtplib(params: OtpParams, moving: { counter: number } | { epoch: number }): Result<string, CodeError> {
  const checked = checkOtpParams(params);
  if (!checked.ok) return err({ code: 'bad-params', message: checked.error.message });
  try {
    const steam = params.kind === 'steam';
    const common = {
      secret: params.secret,
      algorithm: HASH_NAME[params.algorithm],
      digits: steam ? FULL_TRUNCATION_DIGITS : params.digits,
      guardrails: GUARDRAILS,
    };
    const code =
      'counter' in moving
        ? generateSync({ ...common, strategy: 'hotp', counter: moving.counter })
        : generateSync({ ...common, strategy: 'totp', period: params.period, epoch: moving.epoch });
    return ok(steam ? encodeSteamToken(Number(code), params.digits) : code);
  } catch (error) {
    return err({ code: 'otp-library-failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/** The code to show now: TOTP/Steam from the time, HOTP from the stored counter. */
export function generateCode(params: OtpParams, at: { epochMs: number }): Result<string, CodeError> {
  if (params.kind === 'hotp') return generateHotp(params, params.counter);
  if (!Number.isFinite(at.epochMs) || at.epochMs < 0) {
    return err({ code: 'bad-time', message: `time ${at.epochMs} is not a valid epoch in milliseconds` });
  }
  return runOtplib(params, { epoch: Math.floor(at.epochMs / 1000) });
}

export function generateHotp(params: OtpParams, counter: number): Result<string, CodeError> {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    return err({ code: 'bad-params', message: `counter must be a whole number from 0, got ${counter}` });
  }
  return runOtplib(params, { counter });
}

/** Whole seconds until the current code expires: from `period` just after a boundary down to 1. */
export function secondsRemaining(period: number, epochMs: number): number {
  const elapsed = Math.floor(epochMs / 1000) % period;
  return period - (elapsed < 0 ? elapsed + period : elapsed);
}

/** Readable grouping: 123 456, 123 4567, 1234 5678; anything else (Steam) unchanged. */
export function formatCode(code: string): string {
  if (!/^\d+$/.test(code)) return code;
  if (code.length === 6) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 7) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  return code;
}
