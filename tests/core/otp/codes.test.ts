import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OtpAlgorithm } from '../../../src/core/otp/account';
import {
  encodeSteamToken,
  formatCode,
  generateCode,
  generateHotp,
  STEAM_ALPHABET,
  secondsRemaining,
} from '../../../src/core/otp/codes';
import hotpVectors from '../../vectors/rfc4226-hotp.json';
import totpVectors from '../../vectors/rfc6238-totp.json';
import { ascii, expectErr, expectOk, secretOf, totpParams } from './helpers';

/** Independent reference implementation (node:crypto) to check otplib's wiring against. */
function referenceTruncated(secret: Uint8Array, counter: number, algorithm: OtpAlgorithm): number {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(algorithm.toLowerCase().replace('sha', 'sha'), secret).update(message).digest();
  const offset = (digest[digest.length - 1] as number) & 0x0f;
  return digest.readUInt32BE(offset) & 0x7fffffff;
}

describe('HOTP (RFC 4226 vectors)', () => {
  it.each(hotpVectors.cases)('counter $counter → $code', ({ counter, code }) => {
    const params = totpParams({ kind: 'hotp', secret: ascii(hotpVectors.secretAscii), counter });
    expect(expectOk(generateHotp(params, counter))).toBe(code);
    // generateCode uses the stored counter for HOTP.
    expect(expectOk(generateCode(params, { epochMs: 0 }))).toBe(code);
  });
});

describe('TOTP (RFC 6238 vectors, per-algorithm seeds)', () => {
  it.each(totpVectors.cases)('$algorithm at $time → $code', ({ time, algorithm, code }) => {
    const alg = algorithm as OtpAlgorithm;
    const params = totpParams({ secret: ascii(totpVectors.seedsAscii[alg]), algorithm: alg, digits: 8, period: 30 });
    expect(expectOk(generateCode(params, { epochMs: time * 1000 }))).toBe(code);
    // Any millisecond inside the same second gives the same code.
    expect(expectOk(generateCode(params, { epochMs: time * 1000 + 999 }))).toBe(code);
  });
});

describe('generateCode', () => {
  it('accepts the common 80-bit secret that otplib refuses by default', () => {
    const code = expectOk(generateCode(totpParams(), { epochMs: 59_000 }));
    const expected = (referenceTruncated(secretOf('JBSWY3DPEHPK3PXP'), 1, 'SHA1') % 1_000_000).toString().padStart(6, '0');
    expect(code).toBe(expected);
  });

  it('matches an independent HMAC implementation for random params (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 64 }),
        fc.constantFrom<OtpAlgorithm>('SHA1', 'SHA256', 'SHA512'),
        fc.integer({ min: 6, max: 8 }),
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (secret, algorithm, digits, period, epochMs) => {
          const step = Math.floor(Math.floor(epochMs / 1000) / period);
          const expected = (referenceTruncated(secret, step, algorithm) % 10 ** digits).toString().padStart(digits, '0');
          expect(expectOk(generateCode(totpParams({ secret, algorithm, digits, period }), { epochMs }))).toBe(expected);
        },
      ),
      { seed: 4226, numRuns: 200 },
    );
  });

  it('returns typed errors instead of throwing', () => {
    expect(expectErr(generateCode(totpParams({ secret: new Uint8Array(9) }), { epochMs: 0 })).code).toBe('bad-params');
    expect(expectErr(generateCode(totpParams({ digits: 9 }), { epochMs: 0 })).code).toBe('bad-params');
    expect(expectErr(generateCode(totpParams({ period: 0 }), { epochMs: 0 })).code).toBe('bad-params');
    expect(expectErr(generateCode(totpParams(), { epochMs: -1 })).code).toBe('bad-time');
    expect(expectErr(generateCode(totpParams(), { epochMs: Number.NaN })).code).toBe('bad-time');
    expect(expectErr(generateHotp(totpParams({ kind: 'hotp' }), -1)).code).toBe('bad-params');
  });
});

describe('Steam Guard codes', () => {
  it('are 5 characters from the Steam alphabet, computed from the 31-bit truncated HMAC', () => {
    const secret = secretOf('ONSWG4TFORZWK3DMN5QWC3DMN5XGK4TB');
    const epochMs = 1_700_000_000_000;
    const code = expectOk(generateCode(totpParams({ kind: 'steam', secret, digits: 5 }), { epochMs }));
    let value = referenceTruncated(secret, Math.floor(epochMs / 1000 / 30), 'SHA1');
    let expected = '';
    for (let index = 0; index < 5; index++) {
      expected += STEAM_ALPHABET.charAt(value % 26);
      value = Math.floor(value / 26);
    }
    expect(code).toBe(expected);
    expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });

  it('encodes base 26, least significant first', () => {
    expect(encodeSteamToken(0, 5)).toBe('22222');
    expect(encodeSteamToken(1, 5)).toBe('32222');
    expect(encodeSteamToken(26, 5)).toBe('23222');
    expect(encodeSteamToken(25, 5)).toBe('Y2222');
  });
});

describe('secondsRemaining', () => {
  it('counts down from the period to 1 within a step', () => {
    expect(secondsRemaining(30, 0)).toBe(30);
    expect(secondsRemaining(30, 999)).toBe(30);
    expect(secondsRemaining(30, 1_000)).toBe(29);
    expect(secondsRemaining(30, 29_999)).toBe(1);
    expect(secondsRemaining(30, 30_000)).toBe(30);
    expect(secondsRemaining(60, 1_111_111_109_000)).toBe(60 - (1_111_111_109 % 60));
  });
});

describe('formatCode', () => {
  it('groups digits for reading and leaves Steam codes alone', () => {
    expect(formatCode('123456')).toBe('123 456');
    expect(formatCode('1234567')).toBe('123 4567');
    expect(formatCode('12345678')).toBe('1234 5678');
    expect(formatCode('5GQ7X')).toBe('5GQ7X');
    expect(formatCode('12345')).toBe('12345');
  });
});
