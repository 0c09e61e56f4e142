import { describe, expect, it } from 'vitest';
import { accountFromDraft } from '../../../src/core/otp/account';
import { generateHotp } from '../../../src/core/otp/codes';
import { advanceHotpCounter, draftFromManualEntry } from '../../../src/core/otp/manual';
import { expectErr, expectOk } from './helpers';

describe('manual entry', () => {
  it('builds a TOTP draft from a key as sites print it', () => {
    const draft = expectOk(draftFromManualEntry({ issuer: ' Amazon ', accountName: 'bob', secret: 'jbsw y3dp ehpk 3pxp' }));
    expect(draft.issuer).toBe('Amazon');
    expect(draft.otp).toMatchObject({ kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(draft.warnings.map((warning) => warning.code)).toEqual(['short-secret']);
  });

  it('names the field at fault', () => {
    expect(expectErr(draftFromManualEntry({ issuer: 'A', accountName: 'b', secret: '' })).field).toBe('secret');
    expect(expectErr(draftFromManualEntry({ issuer: 'A', accountName: 'b', secret: 'JBSWY3DPEHPK3PXP', digits: 4 })).field).toBe('digits');
    expect(expectErr(draftFromManualEntry({ issuer: 'A', accountName: 'b', secret: 'JBSWY3DPEHPK3PXP', period: 0 })).field).toBe('period');
  });
});

describe('advanceHotpCounter', () => {
  it('moves to the next code and stamps the update time', () => {
    const draft = expectOk(draftFromManualEntry({ issuer: 'A', accountName: 'b', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', kind: 'hotp' }));
    const account = accountFromDraft(draft, { id: 'x', createdAt: 1, order: 0 });
    const next = expectOk(advanceHotpCounter(account, 99));
    expect(next.otp.counter).toBe(1);
    expect(next.updatedAt).toBe(99);
    expect(account.otp.counter).toBe(0);
    // RFC 4226: counter 1 of "12345678901234567890" is 287082.
    expect(expectOk(generateHotp(next.otp, next.otp.counter))).toBe('287082');
  });

  it('refuses TOTP accounts', () => {
    const draft = expectOk(draftFromManualEntry({ issuer: 'A', accountName: 'b', secret: 'JBSWY3DPEHPK3PXP' }));
    expect(expectErr(advanceHotpCounter(accountFromDraft(draft, { id: 'x', createdAt: 1, order: 0 }), 2)).code).toBe('bad-type');
  });
});
