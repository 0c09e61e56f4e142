import { describe, expect, it } from 'vitest';
import { parseAndOtp } from '../../../../src/core/otp/import/andotp';
import { parseAuthenticatorExtension } from '../../../../src/core/otp/import/authenticator-extension';
import { parseBitwarden } from '../../../../src/core/otp/import/bitwarden';
import { parseOtpauthListImport } from '../../../../src/core/otp/import/otpauth-list';
import { parseTwoFas } from '../../../../src/core/otp/import/twofas';
import { expectErr, expectOk, expectWellFormedError } from '../helpers';
import { expectRfcSecretCode, readSample, summary } from './sample';

describe('2FAS import', () => {
  it('reads TOTP, HOTP and Steam services; a bad secret is unsupported with the reason', () => {
    const result = expectOk(parseTwoFas(readSample('2fas.2fas')));
    expect(result.format).toBe('2fas');
    expect(summary(result)).toEqual([
      { issuer: 'GitHub', accountName: 'octo', kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { issuer: 'Example Bank', accountName: '', kind: 'hotp', algorithm: 'SHA512', digits: 8, period: 30, counter: 5 },
      { issuer: 'Steam', accountName: 'gamer', kind: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
    ]);
    expectRfcSecretCode(result.accounts[0]);
    expect(result.unsupported).toHaveLength(1);
    expect(result.unsupported[0]?.name).toBe('Broken: x');
    expect(result.unsupported[0]?.reason).toContain('base32');
  });

  it('refuses a password-protected backup with a clear message', () => {
    const error = expectErr(parseTwoFas(readSample('2fas-encrypted.2fas')));
    expect(error.code).toBe('encrypted-unsupported');
    expect(error.message).toContain('without a password');
  });

  it('rejects wrong shapes', () => {
    expect(expectErr(parseTwoFas('{"services":{}}')).code).toBe('bad-shape');
    expect(expectErr(parseTwoFas('"text"')).code).toBe('bad-shape');
  });
});

describe('andOTP import', () => {
  it('reads TOTP, HOTP (issuer split from the label) and Steam; MOTP unsupported', () => {
    const result = expectOk(parseAndOtp(readSample('andotp.json')));
    expect(summary(result)).toEqual([
      { issuer: 'Mastodon', accountName: 'me@social.example', kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { issuer: 'VPN', accountName: 'admin', kind: 'hotp', algorithm: 'SHA256', digits: 8, period: 30, counter: 3 },
      { issuer: 'Steam', accountName: 'gamer', kind: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
    ]);
    expectRfcSecretCode(result.accounts[0]);
    expect(result.unsupported).toEqual([{ name: 'Legacy: old', reason: 'MOTP entries are not supported' }]);
  });

  it('rejects an object where a list is expected', () => {
    expect(expectErr(parseAndOtp('{"a":1}')).code).toBe('bad-shape');
  });
});

describe('Bitwarden import', () => {
  it('reads otpauth links, bare keys and steam:// keys; skips items without TOTP', () => {
    const result = expectOk(parseBitwarden(readSample('bitwarden.json')));
    expect(summary(result)).toEqual([
      { issuer: 'Amazon', accountName: 'shopper@example.com', kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { issuer: 'Forum', accountName: 'poster', kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { issuer: 'Steam', accountName: 'gamer', kind: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
    ]);
    expectRfcSecretCode(result.accounts[0]);
    expect(result.accounts[1]?.warnings.map((warning) => warning.code)).toEqual(['short-secret']);
    expect(result.unsupported).toEqual([{ name: 'Broken link: u', reason: expect.stringContaining('digits') }]);
  });

  it('uses the item name and username when the link has no issuer or account', () => {
    const text = JSON.stringify({
      encrypted: false,
      items: [{ type: 1, name: 'Shop', login: { username: 'me', totp: 'otpauth://totp/?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' } }],
    });
    expect(summary(expectOk(parseBitwarden(text)))[0]).toMatchObject({ issuer: 'Shop', accountName: 'me' });
  });

  it('refuses an encrypted export', () => {
    const error = expectErr(parseBitwarden('{"encrypted":true,"encKeyValidation_DO_NOT_EDIT":"x","data":"y"}'));
    expect(error.code).toBe('encrypted-unsupported');
  });
});

describe('Authenticator extension import', () => {
  it('reads totp, hotp, battle, hex and steam entries; encrypted entries unsupported', () => {
    const result = expectOk(parseAuthenticatorExtension(readSample('authenticator-extension.json')));
    expect(summary(result)).toEqual([
      { issuer: 'GitLab', accountName: 'dev@example.com', kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { issuer: 'Counter Co', accountName: 'ops', kind: 'hotp', algorithm: 'SHA256', digits: 6, period: 30, counter: 9 },
      { issuer: 'Battle.net', accountName: 'player', kind: 'totp', algorithm: 'SHA1', digits: 8, period: 30, counter: 0 },
      { issuer: 'HexCorp', accountName: 'hexuser', kind: 'totp', algorithm: 'SHA512', digits: 8, period: 30, counter: 0 },
      { issuer: 'Steam', accountName: 'gamer', kind: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
    ]);
    expectRfcSecretCode(result.accounts[0]);
    // The hex secret decodes to the same RFC seed.
    expect(new TextDecoder().decode(result.accounts[3]?.otp.secret)).toBe('12345678901234567890');
    expect(result.unsupported).toEqual([{ name: 'Locked: secret', reason: expect.stringContaining('encrypted') }]);
  });
});

describe('otpauth link list import', () => {
  it('reads every link and lists failing lines with the field at fault', () => {
    const result = expectOk(parseOtpauthListImport(readSample('otpauth-list.txt')));
    expect(summary(result).map((entry) => entry.kind)).toEqual(['totp', 'hotp', 'steam']);
    expectRfcSecretCode(result.accounts[0]);
    expect(result.unsupported).toEqual([{ name: 'line 5', reason: expect.stringContaining('period') }]);
  });

  it('is an error when there is no link at all', () => {
    const error = expectErr(parseOtpauthListImport('hello\nworld'));
    expect(error.code).toBe('not-recognised');
    expectWellFormedError(error);
  });
});
