import { compactText, foldText } from './text-normalize';

/**
 * Keyword families for the field finder, written in their own spelling and folded once at load
 * (so accents and case never matter). `words` match at the start of a word of folded text ("promo"
 * matches "promotional"), `fragments` anywhere (scripts written without spaces), `idParts` anywhere in
 * compact identifiers such as "otpcode" or "ccnumber". Kept short on purpose: it ships in the content script.
 */
export interface KeywordFamily {
  readonly words: readonly string[];
  readonly fragments: readonly string[];
  readonly idParts: readonly string[];
}

const list = (text: string): string[] => (text ? text.split('|').map(foldText) : []);
const build = (words: string, fragments = '', idParts = ''): KeywordFamily => ({
  words: list(words),
  fragments: list(fragments),
  idParts: list(idParts).map(compactText),
});

/** Words that say "one-time code" on their own (ja, zh, ko as fragments). */
export const OTP_STRONG = build(
  'otp|otc|one time|onetime|2fa|mfa|totp|passcode|authenticator|two factor|2 step|two step|einmalpasswort|одноразов|jednorazow|tek kullanım',
  '認証コード|確認コード|ワンタイム|認証番号|验证码|驗證碼|認證碼|动态码|动态密码|校验码|인증번호|인증 번호|인증코드|인증 코드',
  'otp|mfa|2fa|totp|onetime|passcode|twofactor',
);

/** "Security" in several languages: with a code word it is an OTP, or a card's CVV when card fields are near. */
const SECURITY = 'secur|sécur|segur|sicur|sicher|beveilig|säkerhet|bezpiecz|güvenlik|безопасн|keamanan';

/**
 * Word starts that turn a code word into an OTP phrase: verification, confirmation, one-time, SMS, sign-in…
 * in en, de, fr, es, pt, it, nl, sv, pl, cs, tr, ru, id, vi, ar, he, hi.
 */
const QUALIFIERS = list(
  `${SECURITY}|verif|weryfik|ověřov|doğrula|подтвержд|провер|xác minh|xác thực|التحقق|אימות|सत्यापन|` +
    'confirm|conferm|bestätig|bevestig|bekräft|onay|one time|einmal|eenmalig|engång|jednoráz|usage unique|un solo uso|monouso|' +
    'sms|смс|auth|login|log in|sign in|inlog|anmelde',
);
const SECURITY_QUALIFIERS = list(SECURITY);

/** "Code" in many languages; `code`/`kod`/`kode` also end compounds ("Bestätigungscode", "säkerhetskod"). */
const CODE_WORDS = list('code|codes|código|codice|kod|kód|код|kode|kodu|mã|رمز|קוד|कोड');
const COMPOUND_ENDINGS = ['code', 'kod', 'kode'];

/** Hints at a code, but also used elsewhere. */
export const OTP_WEAK = build('token|pin|verify|verification|confirm', 'コード|코드|码|碼', 'code|token|verif');

/** Fields that are never a one-time code whatever else they say. */
export const HARD_EXCLUSIONS = build(
  'coupon|promo|voucher|gift|discount|referral|zip|postal|postcode|plz|cvv|cvc|csc|card number|credit card|iban|captcha|search|' +
    'country code|area code|dial code|quantity|qty|gutschein|rabatt|cupón|cupom|kupon|купон|промокод',
  '优惠|クーポン|郵便番号|邮编|图形|图片|圖形|쿠폰',
  'coupon|promo|voucher|giftcard|discount|zip|postal|postcode|cvv|cvc|cardnum|ccnum|creditcard|captcha|search|iban|countrycode|areacode|dialcode',
);

/** Contact, account and password fields: excluded unless the same text talks about a code ("code sent to your phone"). */
export const CONTACT_EXCLUSIONS = build(
  'phone|tel|mobile|email|e mail|user|login|name|address|city|password|телефон|пароль',
  '電話|电话|手机|メール|邮箱|密码',
  'phone|email|username|userid|login|mobile|password',
);

/** Card CVV phrasing that has no code word (ja, zh, ko). */
const CARD_SECURITY_FRAGMENTS = build('', 'セキュリティコード|安全码|보안코드|보안 코드', 'securitycode|seccode');

/** Identifiers and labels of payment-card fields (they turn "security code" into CVV). */
export const CARD_FIELD = build(
  'card number|expiry|expiration',
  '',
  'cardnumber|ccnumber|ccnum|cardnum|creditcard|ccexp|expiry|expdate',
);

/** Returns the first keyword of `family` in already-folded text, or null. `compact` (identifiers) enables `idParts`. */
export const matchFamily = (family: KeywordFamily, folded: string, compact?: string): string | null => {
  const padded = ` ${folded}`;
  for (const word of family.words) if (padded.includes(` ${word}`)) return word;
  for (const fragment of family.fragments) if (folded.includes(fragment)) return fragment;
  if (compact !== undefined) for (const part of family.idParts) if (compact.includes(part)) return part;
  return null;
};

const codeWordIn = (folded: string): boolean => {
  const padded = ` ${folded} `;
  if (CODE_WORDS.some((word) => padded.includes(` ${word} `))) return true;
  return folded
    .split(' ')
    .some((word) => COMPOUND_ENDINGS.some((ending) => word.length > ending.length && word.endsWith(ending)));
};

const qualifiedCode = (folded: string, qualifiers: readonly string[]): string | null => {
  if (!codeWordIn(folded)) return null;
  const padded = ` ${folded}`;
  const qualifier = qualifiers.find((stem) => padded.includes(` ${stem}`));
  return qualifier ? `${qualifier}… code` : null;
};

/** Strong OTP evidence: a word that says so, or a code word with a qualifier ("verification code", "Bestätigungscode"). */
export const matchStrong = (folded: string, compact?: string): string | null =>
  matchFamily(OTP_STRONG, folded, compact) ?? qualifiedCode(folded, QUALIFIERS);

/** Weak evidence: a bare code word or a hint such as "token". */
export const matchWeak = (folded: string, compact?: string): string | null =>
  codeWordIn(folded) ? 'code' : matchFamily(OTP_WEAK, folded, compact);

/** "Security code" in any language: the card's CVV when card fields are nearby. */
export const matchSecurityCode = (folded: string, compact?: string): string | null =>
  qualifiedCode(folded, SECURITY_QUALIFIERS) ?? matchFamily(CARD_SECURITY_FRAGMENTS, folded, compact);
