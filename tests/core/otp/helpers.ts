import { expect } from 'vitest';
import type { AccountDraft, OtpParams } from '../../../src/core/otp/account';
import { decodeBase32 } from '../../../src/core/otp/base32';
import type { Result } from '../../../src/core/result';

export function expectOk<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected ok, got error ${JSON.stringify(result.error)}`);
  return result.value;
}

export function expectErr<T, E>(result: Result<T, E>): E {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

export function secretOf(base32: string): Uint8Array {
  return expectOk(decodeBase32(base32));
}

export const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

export function totpParams(overrides: Partial<OtpParams> = {}): OtpParams {
  return { kind: 'totp', secret: secretOf('JBSWY3DPEHPK3PXP'), algorithm: 'SHA1', digits: 6, period: 30, counter: 0, ...overrides };
}

export function draft(issuer: string, accountName: string, secretBase32: string): AccountDraft {
  return { issuer, accountName, otp: totpParams({ secret: secretOf(secretBase32) }), domains: [], warnings: [] };
}

/** Every error a parser returns must carry a code and a human message. */
export function expectWellFormedError(error: { code?: unknown; message?: unknown }): void {
  expect(typeof error.code).toBe('string');
  expect(typeof error.message).toBe('string');
  expect((error.message as string).length).toBeGreaterThan(5);
}
