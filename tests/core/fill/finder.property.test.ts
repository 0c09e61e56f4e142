// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOtpFields, OTP_THRESHOLD } from '../../../src/core/fill/finder';

const attributeValue = fc.string({ unit: 'grapheme', maxLength: 30 });

describe('findOtpFields properties', () => {
  it('never throws on arbitrary attribute and label text; results are sorted and explained', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: attributeValue,
            id: attributeValue,
            placeholder: attributeValue,
            label: attributeValue,
            type: fc.constantFrom('text', 'tel', 'number', 'password', 'email', ''),
            maxlength: fc.constantFrom(null, '1', '4', '6', '8', '20', 'x'),
          }),
          { maxLength: 8 },
        ),
        (fields) => {
          document.body.replaceChildren();
          for (const field of fields) {
            const label = document.createElement('label');
            label.textContent = field.label;
            const input = document.createElement('input');
            input.setAttribute('name', field.name);
            input.setAttribute('id', field.id);
            input.setAttribute('placeholder', field.placeholder);
            if (field.type) input.setAttribute('type', field.type);
            if (field.maxlength) input.setAttribute('maxlength', field.maxlength);
            label.append(input);
            document.body.append(label);
          }
          const result = findOtpFields(document);
          for (let i = 1; i < result.candidates.length; i++)
            expect(result.candidates[i - 1]!.score).toBeGreaterThanOrEqual(result.candidates[i]!.score);
          for (const candidate of result.candidates) expect(Number.isFinite(candidate.score)).toBe(true);
          if (result.best) {
            expect(result.best).toBe(result.candidates[0]);
            expect(result.best.score).toBeGreaterThanOrEqual(OTP_THRESHOLD);
            expect(result.best.reasons.length).toBeGreaterThan(0);
          }
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('a promo, ZIP or card word in both the name and the label always rules a field out', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('coupon', 'promoCode', 'zip', 'postal_code', 'cvv', 'giftCard', 'voucher'),
        fc.constantFrom('Promo code', 'ZIP code', 'Gift card number', 'CVV', 'Voucher'),
        fc.constantFrom('', 'numeric'),
        fc.constantFrom(null, '6', '8'),
        (name, label, inputMode, maxLength) => {
          document.body.innerHTML = `<label>${label} <input name="${name}" inputmode="${inputMode}" ${maxLength ? `maxlength="${maxLength}"` : ''}></label>`;
          expect(findOtpFields(document).best).toBeNull();
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});
