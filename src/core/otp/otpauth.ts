/**
 * Key URI format (otpauth://TYPE/LABEL?PARAMETERS), as written by sites that show an
 * authenticator QR code. Decisions where the format leaves room:
 * - the `issuer` parameter wins over the label prefix; when both exist and differ the draft
 *   carries an 'issuer-mismatch' warning;
 * - a missing HOTP `counter` defaults to 0 (as Google Authenticator does) with a
 *   'counter-defaulted' warning;
 * - `period` may be 1–3600 s (otplib's own ceiling); `digits` 6–8;
 * - Steam Guard is type `steam`, or `encoder=steam`, or issuer "Steam" with digits=5;
 *   its codes are always 5 characters, so a digits parameter is ignored for it;
 * - unknown parameters are ignored, a repeated parameter takes its first value.
 */
import { err, type Result } from '../result';
import type { AccountDraft, DraftWarning, OtpAlgorithm, OtpKind } from './account';
import { encodeBase32 } from './base32';
import {
  buildDraft,
  decodeSecret,
  OTP_LIMITS,
  type OtpField,
  type OtpFieldErrorCode,
  parseAlgorithmName,
  parseWholeNumber,
} from './params';

export type OtpauthErrorCode = OtpFieldErrorCode | 'not-otpauth' | 'too-long';

export interface OtpauthError {
  readonly code: OtpauthErrorCode;
  readonly field: OtpField | 'uri';
  readonly message: string;
}

/** Real links are well under 1 kB; the limit keeps a pasted novel from being parsed as one. */
export const MAX_OTPAUTH_URI_LENGTH = 4096;

const SCHEME = 'otpauth://';

const fail = (code: OtpauthErrorCode, field: OtpauthError['field'], message: string) => err({ code, field, message });

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** First value per lower-cased key; values are percent- and `+`-decoded like a form. */
function readQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawKey = equals === -1 ? part : part.slice(0, equals);
    const rawValue = equals === -1 ? '' : part.slice(equals + 1);
    const key = safeDecode(rawKey.replace(/\+/g, ' '))?.toLowerCase();
    if (key === undefined || params.has(key)) continue;
    // A value that is not valid percent-encoding is kept as typed: the field check reports it.
    params.set(key, safeDecode(rawValue.replace(/\+/g, ' ')) ?? rawValue);
  }
  return params;
}

/** Splits "Issuer:account"; an issuer parameter that itself contains ":" is matched whole. */
function splitLabel(label: string, issuerParam: string): { prefix: string | null; accountName: string } {
  if (issuerParam.includes(':') && label.toLowerCase().startsWith(`${issuerParam.toLowerCase()}:`)) {
    return { prefix: label.slice(0, issuerParam.length).trim(), accountName: label.slice(issuerParam.length + 1).trim() };
  }
  const colon = label.indexOf(':');
  if (colon === -1) return { prefix: null, accountName: label.trim() };
  return { prefix: label.slice(0, colon).trim(), accountName: label.slice(colon + 1).trim() };
}

export function parseOtpauthUri(uri: string): Result<AccountDraft, OtpauthError> {
  const text = uri.trim();
  if (text.length > MAX_OTPAUTH_URI_LENGTH) {
    return fail('too-long', 'uri', `link is ${text.length} characters; at most ${MAX_OTPAUTH_URI_LENGTH} are accepted`);
  }
  if (text.slice(0, SCHEME.length).toLowerCase() !== SCHEME) {
    return fail('not-otpauth', 'uri', 'link does not start with otpauth://');
  }
  const withoutFragment = text.slice(SCHEME.length).split('#')[0] ?? '';
  const questionMark = withoutFragment.indexOf('?');
  const path = questionMark === -1 ? withoutFragment : withoutFragment.slice(0, questionMark);
  const query = questionMark === -1 ? '' : withoutFragment.slice(questionMark + 1);
  const slash = path.indexOf('/');
  const typeText = (slash === -1 ? path : path.slice(0, slash)).toLowerCase();
  const rawLabel = slash === -1 ? '' : path.slice(slash + 1);

  if (typeText !== 'totp' && typeText !== 'hotp' && typeText !== 'steam') {
    return fail('bad-type', 'type', `type ${JSON.stringify(typeText)} is not totp or hotp`);
  }
  const label = safeDecode(rawLabel);
  if (label === null) return fail('bad-label', 'label', 'label has broken percent-encoding');
  const params = readQuery(query);
  const issuerParam = params.get('issuer')?.trim() ?? '';
  const { prefix, accountName } = splitLabel(label, issuerParam);
  const warnings: DraftWarning[] = [];

  const secretText = params.get('secret');
  if (secretText === undefined || secretText.trim() === '') {
    return fail('bad-secret', 'secret', 'secret parameter is missing');
  }
  const secret = decodeSecret(secretText);
  if (!secret.ok) return secret;

  const issuer = issuerParam !== '' ? issuerParam : (prefix ?? '');
  if (issuerParam !== '' && prefix !== null && prefix !== '' && prefix.toLowerCase() !== issuerParam.toLowerCase()) {
    warnings.push({
      code: 'issuer-mismatch',
      message: `the label says ${JSON.stringify(prefix)} but the issuer parameter says ${JSON.stringify(issuerParam)}; using the issuer parameter`,
    });
  }

  let algorithm: OtpAlgorithm = 'SHA1';
  const algorithmText = params.get('algorithm');
  if (algorithmText !== undefined) {
    const parsed = parseAlgorithmName(algorithmText);
    if (parsed === null) {
      return fail('bad-algorithm', 'algorithm', `algorithm ${JSON.stringify(algorithmText)} is not SHA1, SHA256 or SHA512`);
    }
    algorithm = parsed;
  }

  let digits = 6;
  const digitsText = params.get('digits');
  if (digitsText !== undefined) {
    const parsed = parseWholeNumber(digitsText);
    if (parsed === null) return fail('bad-digits', 'digits', `digits ${JSON.stringify(digitsText)} is not a number`);
    digits = parsed;
  }

  let period: number = OTP_LIMITS.defaultPeriod;
  const periodText = params.get('period');
  if (periodText !== undefined) {
    const parsed = parseWholeNumber(periodText);
    if (parsed === null) return fail('bad-period', 'period', `period ${JSON.stringify(periodText)} is not a whole number of seconds`);
    period = parsed;
  }

  let counter = 0;
  if (typeText === 'hotp') {
    const counterText = params.get('counter');
    if (counterText === undefined) {
      warnings.push({ code: 'counter-defaulted', message: 'the link has no HOTP counter; starting at 0' });
    } else {
      const parsed = parseWholeNumber(counterText);
      if (parsed === null) return fail('bad-counter', 'counter', `counter ${JSON.stringify(counterText)} is not a whole number`);
      counter = parsed;
    }
  }

  const isSteam =
    typeText === 'steam' ||
    params.get('encoder')?.toLowerCase() === 'steam' ||
    (issuer.toLowerCase() === 'steam' && digits === OTP_LIMITS.steamDigits);
  const kind: OtpKind = typeText === 'hotp' ? 'hotp' : isSteam ? 'steam' : 'totp';
  if (kind === 'steam') digits = OTP_LIMITS.steamDigits;

  return buildDraft({
    issuer,
    accountName,
    otp: { kind, secret: secret.value, algorithm, digits, period, counter },
    warnings,
  });
}

/** Percent-encodes everything outside unreserved characters, so ":" and "?" in names survive. */
const encodeComponent = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

export function toOtpauthUri(account: Pick<AccountDraft, 'issuer' | 'accountName' | 'otp'>): string {
  const { otp } = account;
  const type = otp.kind === 'hotp' ? 'hotp' : 'totp';
  const label =
    account.issuer !== ''
      ? `${encodeComponent(account.issuer)}:${encodeComponent(account.accountName)}`
      : encodeComponent(account.accountName);
  const params = [`secret=${encodeBase32(otp.secret)}`];
  if (account.issuer !== '') params.push(`issuer=${encodeComponent(account.issuer)}`);
  params.push(`algorithm=${otp.algorithm}`, `digits=${otp.digits}`);
  if (otp.kind === 'hotp') params.push(`counter=${otp.counter}`);
  else params.push(`period=${otp.period}`);
  if (otp.kind === 'steam') params.push('encoder=steam');
  return `otpauth://${type}/${label}?${params.join('&')}`;
}

export interface OtpauthListEntry {
  /** 1-based line of the pasted text the link came from. */
  line: number;
  text: string;
  result: Result<AccountDraft, OtpauthError>;
}

/**
 * Splits pasted text into links: one or more per line. A new link starts at each
 * "otpauth://", so unencoded spaces inside a label do not split it.
 */
export function parseOtpauthList(text: string): OtpauthListEntry[] {
  const entries: OtpauthListEntry[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    for (const piece of lineText.split(/(?=otpauth:\/\/)/i)) {
      const candidate = piece.trim();
      if (candidate === '') continue;
      entries.push({ line: index + 1, text: candidate, result: parseOtpauthUri(candidate) });
    }
  });
  return entries;
}
