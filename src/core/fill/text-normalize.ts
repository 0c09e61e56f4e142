/**
 * Folds text so keyword matching ignores case, accents, camelCase and punctuation:
 * "otpCode" → "otp code", "Código de verificação" → "codigo de verificacao".
 * Keywords go through the same fold, so scripts whose marks NFD splits (kana, hangul) still match.
 */
export const foldText = (text: string): string =>
  text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Identifier fold without spaces, for compounds such as "onetimecode" or "ccnumber". */
export const compactText = (folded: string): string => folded.replace(/ /g, '');
