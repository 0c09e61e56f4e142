import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeOtpCode, otpDigits } from '../../../src/core/fill/code-shape';

describe('looksLikeOtpCode', () => {
  const yes = ['1234', '123456', '12345678', '123 456', '12-34-56', ' 123456 ', '１２３４５６'];
  const no = ['', '123', '123456789', 'abc123', '12  3456', '123-', '-1234', '12.3456', 'G-123456', '1234 5678 9012', '12_3456'];
  for (const text of yes) it(`accepts ${JSON.stringify(text)}`, () => expect(looksLikeOtpCode(text)).toBe(true));
  for (const text of no) it(`rejects ${JSON.stringify(text)}`, () => expect(looksLikeOtpCode(text)).toBe(false));

  it('returns the bare digits', () => {
    expect(otpDigits('123 456')).toBe('123456');
    expect(otpDigits('１２３４５６')).toBe('123456');
  });

  it('any 4–8 digit string, grouped by spaces or hyphens, yields its digits', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{4,8}$/),
        fc.array(fc.constantFrom('', ' ', '-'), { minLength: 8, maxLength: 8 }),
        (digits, separators) => {
          const grouped = Array.from(digits)
            .map((digit, index) => (index === 0 ? digit : `${separators[index] ?? ''}${digit}`))
            .join('');
          expect(otpDigits(grouped)).toBe(digits);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never accepts text with a letter', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'Z', 'é', 'x'), (text, letter) => {
        expect(looksLikeOtpCode(`${text}${letter}`)).toBe(false);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
