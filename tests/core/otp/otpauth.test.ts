import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/core/otp/base32';
import { parseOtpauthList, parseOtpauthUri, toOtpauthUri } from '../../../src/core/otp/otpauth';
import { expectErr, expectOk, expectWellFormedError, secretOf } from './helpers';

const SECRET = 'JBSWY3DPEHPK3PXP';
const SECRET_160 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('parseOtpauthUri', () => {
  it('reads the Key URI example with issuer in label and parameter', () => {
    const draft = expectOk(parseOtpauthUri(`otpauth://totp/Example:alice@google.com?secret=${SECRET}&issuer=Example`));
    expect(draft.issuer).toBe('Example');
    expect(draft.accountName).toBe('alice@google.com');
    expect(draft.otp).toEqual({ kind: 'totp', secret: secretOf(SECRET), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 });
    expect(draft.domains).toEqual([]);
    expect(draft.warnings.map((warning) => warning.code)).toEqual(['short-secret']);
  });

  it('has no short-secret warning for a 160-bit secret', () => {
    const draft = expectOk(parseOtpauthUri(`otpauth://totp/Example:a?secret=${SECRET_160}`));
    expect(draft.warnings).toEqual([]);
  });

  it('decodes a percent-encoded label with spaces and the "%3A" separator', () => {
    const draft = expectOk(parseOtpauthUri(`otpauth://totp/ACME%20Co%3Ajohn.doe%40email.com?secret=${SECRET_160}&issuer=ACME%20Co`));
    expect(draft.issuer).toBe('ACME Co');
    expect(draft.accountName).toBe('john.doe@email.com');
  });

  it('takes the issuer from the label prefix when the parameter is absent', () => {
    const draft = expectOk(parseOtpauthUri(`otpauth://totp/Amazon:shopper%40example.com?secret=${SECRET_160}`));
    expect(draft.issuer).toBe('Amazon');
    expect(draft.accountName).toBe('shopper@example.com');
  });

  it('lets the issuer parameter win over the label prefix and warns on mismatch', () => {
    const draft = expectOk(parseOtpauthUri(`otpauth://totp/Amazn:bob?secret=${SECRET_160}&issuer=Amazon`));
    expect(draft.issuer).toBe('Amazon');
    expect(draft.warnings).toHaveLength(1);
    expect(draft.warnings[0]?.code).toBe('issuer-mismatch');
    expect(draft.warnings[0]?.message).toContain('Amazn');
  });

  it('does not warn when label prefix and issuer differ only in case', () => {
    const draft = expectOk(parseOtpauthUri(`otpauth://totp/github:bob?secret=${SECRET_160}&issuer=GitHub`));
    expect(draft.warnings).toEqual([]);
  });

  it('accepts a secret with padding, spaces (encoded) and lower case', () => {
    for (const secret of ['jbswy3dpehpk3pxp', 'JBSWY3DPEHPK3PXP%3D%3D%3D%3D', 'JBSW%20Y3DP%20EHPK%203PXP', 'JBSW+Y3DP+EHPK+3PXP']) {
      expect(expectOk(parseOtpauthUri(`otpauth://totp/x?secret=${secret}`)).otp.secret).toEqual(secretOf(SECRET));
    }
  });

  it('reads algorithm (any case), digits and period', () => {
    const draft = expectOk(parseOtpauthUri(`otpauth://totp/x:y?secret=${SECRET_160}&algorithm=sha512&digits=8&period=60`));
    expect(draft.otp).toMatchObject({ algorithm: 'SHA512', digits: 8, period: 60 });
    expect(expectOk(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET_160}&algorithm=SHA256`)).otp.algorithm).toBe('SHA256');
  });

  it('reads HOTP with a counter, and defaults a missing counter to 0 with a warning', () => {
    expect(expectOk(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET_160}&counter=42`)).otp).toMatchObject({ kind: 'hotp', counter: 42 });
    const defaulted = expectOk(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET_160}`));
    expect(defaulted.otp.counter).toBe(0);
    expect(defaulted.warnings.map((warning) => warning.code)).toEqual(['counter-defaulted']);
  });

  it('recognises Steam Guard three ways', () => {
    for (const uri of [
      `otpauth://totp/Steam:gamer?secret=${SECRET_160}&encoder=steam`,
      `otpauth://steam/Steam:gamer?secret=${SECRET_160}`,
      `otpauth://totp/Steam:gamer?secret=${SECRET_160}&issuer=Steam&digits=5`,
    ]) {
      const draft = expectOk(parseOtpauthUri(uri));
      expect(draft.otp.kind).toBe('steam');
      expect(draft.otp.digits).toBe(5);
    }
    // Issuer Steam with ordinary digits stays a normal TOTP account.
    expect(expectOk(parseOtpauthUri(`otpauth://totp/Steam:gamer?secret=${SECRET_160}`)).otp.kind).toBe('totp');
  });

  it('ignores unknown parameters and keeps the first of repeated ones', () => {
    const draft = expectOk(
      parseOtpauthUri(`otpauth://totp/x?secret=${SECRET_160}&image=https%3A%2F%2Fx%2Fa.png&color=red&digits=8&digits=6`),
    );
    expect(draft.otp.digits).toBe(8);
  });

  it.each([
    ['otpauth://totp/x?issuer=A', 'bad-secret', 'secret'],
    ['otpauth://totp/x?secret=JBSWY3DP1HPK3PXP', 'bad-secret', 'secret'],
    ['otpauth://totp/x?secret=JBSWY3DP', 'bad-secret', 'secret'],
    [`otpauth://totp/x?secret=${SECRET}&algorithm=MD5`, 'bad-algorithm', 'algorithm'],
    [`otpauth://totp/x?secret=${SECRET}&digits=5`, 'bad-digits', 'digits'],
    [`otpauth://totp/x?secret=${SECRET}&digits=9`, 'bad-digits', 'digits'],
    [`otpauth://totp/x?secret=${SECRET}&digits=six`, 'bad-digits', 'digits'],
    [`otpauth://totp/x?secret=${SECRET}&period=0`, 'bad-period', 'period'],
    [`otpauth://totp/x?secret=${SECRET}&period=3601`, 'bad-period', 'period'],
    [`otpauth://totp/x?secret=${SECRET}&period=1.5`, 'bad-period', 'period'],
    [`otpauth://hotp/x?secret=${SECRET}&counter=-1`, 'bad-counter', 'counter'],
    [`otpauth://hotp/x?secret=${SECRET}&counter=99999999999999999999`, 'bad-counter', 'counter'],
    [`otpauth://motp/x?secret=${SECRET}`, 'bad-type', 'type'],
    [`otpauth://totp/%E0%A4%A?secret=${SECRET}`, 'bad-label', 'label'],
    ['https://example.com/?secret=JBSWY3DPEHPK3PXP', 'not-otpauth', 'uri'],
    [`otpauth://totp/${'x'.repeat(5000)}?secret=${SECRET}`, 'too-long', 'uri'],
  ])('%s → %s naming %s', (uri, code, field) => {
    const error = expectErr(parseOtpauthUri(uri));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expectWellFormedError(error);
  });
});

describe('toOtpauthUri', () => {
  it('serialises with an encoded label and every parameter', () => {
    const draft = expectOk(parseOtpauthUri(`otpauth://totp/ACME%20Co:john%40x.com?secret=${SECRET_160}&issuer=ACME%20Co&digits=8`));
    expect(toOtpauthUri(draft)).toBe(
      `otpauth://totp/ACME%20Co:john%40x.com?secret=${SECRET_160}&issuer=ACME%20Co&algorithm=SHA1&digits=8&period=30`,
    );
  });

  it('round-trips any account (property)', () => {
    const name = fc.string({ maxLength: 20 }).map((text) => text.trim());
    fc.assert(
      fc.property(
        name,
        name,
        fc.uint8Array({ minLength: 10, maxLength: 64 }),
        fc.constantFrom('totp', 'hotp', 'steam'),
        fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
        fc.integer({ min: 6, max: 8 }),
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (issuer, accountName, secret, kind, algorithm, digits, period, counter) => {
          // A label cannot carry an issuer-less account name containing ':' unambiguously.
          fc.pre(issuer !== '' || !accountName.includes(':'));
          const otp = {
            kind,
            secret,
            algorithm,
            digits: kind === 'steam' ? 5 : digits,
            period: kind === 'hotp' ? 30 : period,
            counter: kind === 'hotp' ? counter : 0,
          } as const;
          const uri = toOtpauthUri({ issuer, accountName, otp });
          const parsed = expectOk(parseOtpauthUri(uri));
          expect(parsed.issuer).toBe(issuer);
          expect(parsed.accountName).toBe(accountName);
          expect(parsed.otp).toEqual(otp);
          expect(encodeBase32(parsed.otp.secret)).toBe(encodeBase32(secret));
        },
      ),
      { seed: 6238, numRuns: 300 },
    );
  });
});

describe('parseOtpauthList', () => {
  it('reads one or more links per line, reporting each with its line', () => {
    const text = [
      `otpauth://totp/A:one?secret=${SECRET_160}`,
      '',
      `otpauth://totp/B:two?secret=${SECRET_160} otpauth://hotp/C:three?secret=${SECRET_160}&counter=1`,
      `otpauth://totp/D:four?secret=!!`,
      'just a note',
    ].join('\r\n');
    const entries = parseOtpauthList(text);
    expect(entries.map((entry) => [entry.line, entry.result.ok])).toEqual([
      [1, true],
      [3, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
    const fourth = entries[3]?.result;
    expect(fourth && !fourth.ok && fourth.error.code).toBe('bad-secret');
    const fifth = entries[4]?.result;
    expect(fifth && !fifth.ok && fifth.error.code).toBe('not-otpauth');
  });

  it('keeps unencoded spaces inside a label', () => {
    const [entry] = parseOtpauthList(`otpauth://totp/ACME Co:john?secret=${SECRET_160}`);
    expect(entry && expectOk(entry.result).issuer).toBe('ACME Co');
  });
});
