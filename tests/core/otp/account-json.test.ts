import { describe, expect, it } from 'vitest';
import { type Account, accountFromDraft, withDomains } from '../../../src/core/otp/account';
import { accountFromJson, accountToJson } from '../../../src/core/otp/account-json';
import { parseOtpauthUri } from '../../../src/core/otp/otpauth';
import { expectErr, expectOk } from './helpers';

function sampleAccount(): Account {
  const draft = expectOk(parseOtpauthUri('otpauth://hotp/Amazon:bob?secret=JBSWY3DPEHPK3PXP&issuer=Amazn&counter=7'));
  return withDomains(accountFromDraft(draft, { id: 'acc-1', createdAt: 1_700_000_000_000, order: 3 }), ['amazon.com']);
}

describe('account JSON codec', () => {
  it('round-trips through JSON text with the secret as base32', () => {
    const account = sampleAccount();
    const json = accountToJson(account);
    expect(json.otp.secret).toBe('JBSWY3DPEHPK3PXP');
    const back = expectOk(accountFromJson(JSON.parse(JSON.stringify(json))));
    expect(back).toEqual(account);
    expect(back.warnings.map((warning) => warning.code)).toEqual(['issuer-mismatch', 'short-secret']);
  });

  it('copies the secret so later changes to the draft do not leak into the account', () => {
    const draft = expectOk(parseOtpauthUri('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'));
    const account = accountFromDraft(draft, { id: 'a', createdAt: 1, order: 0 });
    draft.otp.secret.fill(0);
    expect(accountToJson(account).otp.secret).toBe('JBSWY3DPEHPK3PXP');
  });

  it.each([
    [(json: Record<string, unknown>) => ({ ...json, v: 2 }), 'v'],
    [(json: Record<string, unknown>) => ({ ...json, id: 5 }), 'id'],
    [(json: Record<string, unknown>) => ({ ...json, order: 1.5 }), 'order'],
    [(json: Record<string, unknown>) => ({ ...json, domains: ['a', 3] }), 'domains'],
    [(json: Record<string, unknown>) => ({ ...json, warnings: [{ code: 'nope', message: 'x' }] }), 'warnings.0'],
    [(json: Record<string, unknown>) => ({ ...json, bindings: 'amazon.com' }), 'bindings'],
    [(json: Record<string, unknown>) => ({ ...json, bindings: [{ host: 'co.uk' }] }), 'bindings.0'],
    [(json: Record<string, unknown>) => ({ ...json, bindings: [{ host: 'aws.amazon.com' }, 'x'] }), 'bindings.1'],
    [(json: Record<string, unknown>) => ({ ...json, bindings: [{ host: 'AWS.amazon.com' }] }), 'bindings.0'],
    [(json: Record<string, unknown>) => ({ ...json, otp: { ...(json.otp as object), secret: '0000' } }), 'otp.secret'],
    [(json: Record<string, unknown>) => ({ ...json, otp: { ...(json.otp as object), digits: 12 } }), 'otp.digits'],
    [(json: Record<string, unknown>) => ({ ...json, otp: { ...(json.otp as object), kind: 'motp' } }), 'otp.kind'],
  ])('names the faulty field (%#)', (mutate, field) => {
    const json = accountToJson(sampleAccount()) as unknown as Record<string, unknown>;
    const error = expectErr(accountFromJson(mutate(json)));
    expect(error.code).toBe('bad-account-json');
    expect(error.field).toBe(field);
  });

  it('rejects non-objects', () => {
    expect(expectErr(accountFromJson(null)).field).toBe('');
    expect(expectErr(accountFromJson([1])).code).toBe('bad-account-json');
  });
});
