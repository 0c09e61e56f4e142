import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AccountDraft } from '../../../../src/core/otp/account';
import { generateCode } from '../../../../src/core/otp/codes';
import type { ImportResult } from '../../../../src/core/otp/import/types';
import { expectOk } from '../helpers';

export function readSample(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./samples/${name}`, import.meta.url)), 'utf8');
}

/** Compact view of drafts for assertions. */
export const summary = (result: ImportResult) =>
  result.accounts.map((draft) => ({
    issuer: draft.issuer,
    accountName: draft.accountName,
    kind: draft.otp.kind,
    algorithm: draft.otp.algorithm,
    digits: draft.otp.digits,
    period: draft.otp.period,
    counter: draft.otp.counter,
  }));

/** GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ is RFC 4226's "12345678901234567890": its TOTP at 59 s is known. */
export function expectRfcSecretCode(draft: AccountDraft | undefined): void {
  expect(draft).toBeDefined();
  expect(new TextDecoder().decode(draft?.otp.secret)).toBe('12345678901234567890');
  if (draft?.otp.kind === 'totp' && draft.otp.digits === 6 && draft.otp.algorithm === 'SHA1' && draft.otp.period === 30) {
    expect(expectOk(generateCode(draft.otp, { epochMs: 59_000 }))).toBe('287082');
  }
}
