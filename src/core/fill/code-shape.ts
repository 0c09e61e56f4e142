/**
 * Digits of a one-time code written by a person: 4–8 digits, optionally grouped by single spaces or
 * hyphens ("123 456", "12-34-56"); full-width digits are folded. Returns null for anything else.
 */
export const otpDigits = (text: string): string | null => {
  const trimmed = text.normalize('NFKC').trim();
  if (!/^\d(?:[ -]?\d){3,7}$/.test(trimmed)) return null;
  return trimmed.replace(/[ -]/g, '');
};

/** Whether text looks like a one-time code (used by the typed-code guard). */
export const looksLikeOtpCode = (text: string): boolean => otpDigits(text) !== null;
