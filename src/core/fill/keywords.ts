import { compactText, foldText } from './text-normalize';

/**
 * Keyword families for the field finder. `words` match whole words of folded text,
 * `fragments` match anywhere in folded text (scripts written without spaces),
 * `idParts` match anywhere in compact identifiers (name/id/class such as "otpcode", "ccnumber").
 * Written in their own spelling; folded once at load so accents and case never matter.
 */
interface KeywordSource {
  words: string;
  fragments?: string;
  idParts?: string;
}

export interface KeywordFamily {
  readonly words: readonly string[];
  readonly fragments: readonly string[];
  readonly idParts: readonly string[];
}

const build = (source: KeywordSource): KeywordFamily => {
  const list = (text: string | undefined) => (text ? text.split('|').map(foldText) : []);
  return { words: list(source.words), fragments: list(source.fragments), idParts: list(source.idParts).map(compactText) };
};

/** Phrases that on their own say "one-time code". */
export const OTP_STRONG = build({
  words:
    // en
    'otp|one time|one time code|one time password|onetime|2fa|mfa|totp|hotp|passcode|authenticator|authentication code|auth code|verification code|verify code|two factor|2 step|two step|login code|sign in code|sms code|security code|' +
    // de, fr, es, pt, it
    'Bestätigungscode|Sicherheitscode|Verifizierungscode|Einmalcode|Einmalpasswort|Authentifizierungscode|Anmeldecode|' +
    'code de vérification|code de sécurité|code à usage unique|code de confirmation|code d’authentification|' +
    'código de verificación|código de seguridad|código de un solo uso|código de confirmación|' +
    'código de verificação|código de segurança|código de confirmação|código de autenticação|' +
    'codice di verifica|codice di sicurezza|codice monouso|codice di conferma|' +
    // ru, pl, tr, nl, sv, cs, id, vi, ar, he, hi
    'код подтверждения|проверочный код|одноразовый код|код из смс|код безопасности|' +
    'kod weryfikacyjny|kod jednorazowy|kod sms|kod bezpieczeństwa|kod potwierdzający|' +
    'doğrulama kodu|güvenlik kodu|tek kullanımlık|onay kodu|' +
    'verificatiecode|beveiligingscode|eenmalige code|bevestigingscode|inlogcode|' +
    'verifieringskod|engångskod|säkerhetskod|bekräftelsekod|' +
    'ověřovací kód|bezpečnostní kód|jednorázový kód|kode verifikasi|kode keamanan|mã xác minh|mã xác thực|' +
    'رمز التحقق|رمز التأكيد|קוד אימות|सत्यापन कोड',
  // ja, zh, ko
  fragments: '認証コード|確認コード|ワンタイム|セキュリティコード|認証番号|确认码|验证码|驗證碼|認證碼|动态码|动态密码|校验码|인증번호|인증 번호|인증코드|인증 코드|보안코드',
  idParts: 'otp|mfa|2fa|totp|onetime|passcode|verificationcode|verifycode|authcode|smscode|twofactor|securitycode',
});

/** Words that hint at a code but also appear elsewhere. */
export const OTP_WEAK = build({
  words: 'code|token|pin|verify|verification|confirm|confirmation|código|codice|kod|kód|код|kode|kodu|mã|رمز',
  fragments: 'コード|코드|码|碼',
  idParts: 'code|token|verif',
});

/** Fields that are never a one-time code whatever else they say. */
export const HARD_EXCLUSIONS = build({
  words:
    'coupon|promo|promo code|promocode|promotion|promotional|voucher|gift card|giftcard|gift|discount|referral|zip|zipcode|postal|postcode|plz|postleitzahl|' +
    'cvv|cvv2|cvc|csc|card number|credit card|debit card|iban|captcha|recaptcha|search|country code|area code|dial code|calling code|quantity|qty|' +
    'gutschein|gutscheincode|rabatt|code promo|code postal|código postal|cep|cupón|cupom|descuento|buono|sconto|kod pocztowy|kupon|indirim|posta kodu|kortingscode|' +
    'купон|промокод|почтовый индекс',
  fragments: '优惠|クーポン|郵便番号|邮编|邮政编码|图形|图片|圖形|쿠폰|우편번호|割引|礼品卡|検索|搜索|검색',
  idParts:
    'coupon|promo|voucher|giftcard|discount|zip|postal|postcode|cvv|cvc|cardnum|ccnum|creditcard|captcha|search|iban|countrycode|areacode|dialcode',
});

/** Contact, account and password fields: excluded unless the same text also talks about a code ("code sent to your phone"). */
export const CONTACT_EXCLUSIONS = build({
  words:
    'phone|telephone|tel|mobile|mobile number|phone number|email|e mail|username|user name|user id|login|first name|last name|address|city|' +
    'telefon|téléphone|teléfono|telefone|telefono|handynummer|телефон|почта|correo|courriel|benutzername|e posta|' +
    'password|passwort|mot de passe|contraseña|senha|пароль|hasło',
  fragments: '電話|电话|手机号|手機|メール|邮箱|郵件|전화|이메일|ユーザー名|用户名|パスワード|密码|비밀번호',
  idParts: 'phone|email|username|userid|login|mobile|password',
});

/** Phrases that mean the card's CVV when a card number field is nearby. */
export const CARD_SECURITY_CODE = build({
  words:
    'security code|Sicherheitscode|code de sécurité|código de seguridad|código de segurança|codice di sicurezza|kod bezpieczeństwa|güvenlik kodu|beveiligingscode|säkerhetskod|bezpečnostní kód|код безопасности|kode keamanan',
  fragments: 'セキュリティコード|安全码|보안코드|보안 코드',
  idParts: 'securitycode|seccode',
});

/** Identifiers and labels of payment-card fields (they turn "security code" into CVV). */
export const CARD_FIELD = build({
  words: 'card number|numéro de carte|Kartennummer|número de tarjeta|número do cartão|numero carta|номер карты|expiry|expiration',
  fragments: 'カード番号|卡号|카드 번호',
  idParts: 'cardnumber|ccnumber|ccnum|cardnum|creditcard|ccexp|expiry|expdate',
});

/**
 * Returns the first keyword of `family` found in already-folded text, or null.
 * `compact` (identifiers only) enables the in-word `idParts`.
 */
export const matchFamily = (family: KeywordFamily, folded: string, compact?: string): string | null => {
  if (folded === '') return null;
  const padded = ` ${folded} `;
  for (const word of family.words) if (padded.includes(` ${word} `)) return word;
  for (const fragment of family.fragments) if (folded.includes(fragment)) return fragment;
  if (compact !== undefined) for (const part of family.idParts) if (compact.includes(part)) return part;
  return null;
};
