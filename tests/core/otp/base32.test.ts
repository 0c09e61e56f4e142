import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../../../src/core/otp/base32';
import { ascii, expectErr, expectOk } from './helpers';

describe('base32 (RFC 4648)', () => {
  // RFC 4648 section 10 test vectors.
  const vectors: [string, string][] = [
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ];

  it.each(vectors)('decodes and encodes %s', (plain, encoded) => {
    expect(new TextDecoder().decode(expectOk(decodeBase32(encoded)))).toBe(plain);
    expect(encodeBase32(ascii(plain))).toBe(encoded.replace(/=+$/, ''));
  });

  it('accepts lower case, spaces, hyphens and missing padding', () => {
    const expected = expectOk(decodeBase32('JBSWY3DPEHPK3PXP'));
    for (const variant of ['jbswy3dpehpk3pxp', 'JBSW Y3DP EHPK 3PXP', 'jbsw-y3dp-ehpk-3pxp', ' JBSWY3DPEHPK3PXP\n']) {
      expect(expectOk(decodeBase32(variant))).toEqual(expected);
    }
    expect(new TextDecoder().decode(expectOk(decodeBase32('mzxw6ytboi')))).toBe('foobar');
  });

  it('names the bad character and its position', () => {
    const error = expectErr(decodeBase32('JBSWY3DP1HPK3PXP'));
    expect(error.code).toBe('bad-character');
    expect(error.message).toContain('"1"');
    expect(error.message).toContain('position 9');
  });

  it('rejects empty text, padding in the middle and impossible lengths', () => {
    expect(expectErr(decodeBase32('  ')).code).toBe('empty');
    expect(expectErr(decodeBase32('MY==MY==')).code).toBe('bad-padding');
    expect(expectErr(decodeBase32('MZX')).code).toBe('bad-length');
  });

  it('round-trips any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), (bytes) => {
        expect(expectOk(decodeBase32(encodeBase32(bytes)))).toEqual(bytes);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        const result = decodeBase32(text);
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
