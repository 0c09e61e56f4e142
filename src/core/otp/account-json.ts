/**
 * Plain-JSON form of an account for the vault (secret as base32). Reading validates every
 * field, so a damaged or hand-edited vault gives a typed error naming the field.
 */
import type { Binding } from '../bindings/binding';
import { parseBinding } from '../bindings/parse-binding';
import { reconcileBindings } from '../bindings/reconcile';
import { err, ok, type Result } from '../result';
import type { Account, DraftWarning, DraftWarningCode, OtpAlgorithm, OtpKind } from './account';
import { encodeBase32 } from './base32';
import { checkOtpParams, decodeSecret } from './params';

export const ACCOUNT_JSON_VERSION = 1;

export interface AccountJson {
  v: 1;
  id: string;
  createdAt: number;
  updatedAt: number;
  order: number;
  issuer: string;
  accountName: string;
  /** Registrable domains, still written for the readers that do not know bindings yet. */
  domains: string[];
  /** Added without a version change: older builds ignore it; reading without it migrates `domains`. */
  bindings?: { host: string }[];
  warnings: { code: DraftWarningCode; message: string }[];
  otp: { kind: OtpKind; secret: string; algorithm: OtpAlgorithm; digits: number; period: number; counter: number };
}

export interface AccountJsonError {
  readonly code: 'bad-account-json';
  /** Dotted path of the faulty field, e.g. "otp.digits". */
  readonly field: string;
  readonly message: string;
}

export function accountToJson(account: Account): AccountJson {
  return {
    v: ACCOUNT_JSON_VERSION,
    id: account.id,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    order: account.order,
    issuer: account.issuer,
    accountName: account.accountName,
    domains: [...account.domains],
    bindings: reconcileBindings(account.domains, account.bindings).map((binding) => ({ host: binding.host })),
    warnings: account.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
    otp: { ...account.otp, secret: encodeBase32(account.otp.secret) },
  };
}

const WARNING_CODES: readonly DraftWarningCode[] = ['short-secret', 'issuer-mismatch', 'counter-defaulted'];
const KINDS: readonly OtpKind[] = ['totp', 'hotp', 'steam'];
const ALGORITHMS: readonly OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const bad = (field: string, message: string) => err<AccountJsonError>({ code: 'bad-account-json', field, message });

export function accountFromJson(value: unknown): Result<Account, AccountJsonError> {
  if (!isRecord(value)) return bad('', 'account is not a JSON object');
  if (value.v !== ACCOUNT_JSON_VERSION) return bad('v', `account format version ${String(value.v)} is not supported`);
  for (const field of ['id', 'issuer', 'accountName'] as const) {
    if (typeof value[field] !== 'string') return bad(field, `${field} must be a string`);
  }
  if (value.id === '') return bad('id', 'id must not be empty');
  for (const field of ['createdAt', 'updatedAt', 'order'] as const) {
    if (!Number.isSafeInteger(value[field])) return bad(field, `${field} must be a whole number`);
  }
  const { domains, warnings, otp } = value;
  if (!Array.isArray(domains) || !domains.every((domain) => typeof domain === 'string')) {
    return bad('domains', 'domains must be a list of strings');
  }
  const bindings = readBindings(value.bindings);
  if (!bindings.ok) return bindings;
  if (!Array.isArray(warnings)) return bad('warnings', 'warnings must be a list');
  const parsedWarnings: DraftWarning[] = [];
  for (const [index, warning] of warnings.entries()) {
    if (!isRecord(warning) || typeof warning.message !== 'string' || !WARNING_CODES.includes(warning.code as DraftWarningCode)) {
      return bad(`warnings.${index}`, 'warning must have a known code and a message');
    }
    parsedWarnings.push({ code: warning.code as DraftWarningCode, message: warning.message });
  }
  if (!isRecord(otp)) return bad('otp', 'otp must be an object');
  if (!KINDS.includes(otp.kind as OtpKind)) return bad('otp.kind', 'otp.kind must be totp, hotp or steam');
  if (!ALGORITHMS.includes(otp.algorithm as OtpAlgorithm)) return bad('otp.algorithm', 'otp.algorithm must be SHA1, SHA256 or SHA512');
  if (typeof otp.secret !== 'string') return bad('otp.secret', 'otp.secret must be a base32 string');
  const secret = decodeSecret(otp.secret);
  if (!secret.ok) return bad('otp.secret', secret.error.message);
  for (const field of ['digits', 'period', 'counter'] as const) {
    if (!Number.isSafeInteger(otp[field])) return bad(`otp.${field}`, `otp.${field} must be a whole number`);
  }
  const params = checkOtpParams({
    kind: otp.kind as OtpKind,
    secret: secret.value,
    algorithm: otp.algorithm as OtpAlgorithm,
    digits: otp.digits as number,
    period: otp.period as number,
    counter: otp.counter as number,
  });
  if (!params.ok) return bad(`otp.${params.error.field}`, params.error.message);
  return ok({
    id: value.id as string,
    createdAt: value.createdAt as number,
    updatedAt: value.updatedAt as number,
    order: value.order as number,
    issuer: value.issuer as string,
    accountName: value.accountName as string,
    domains: [...(domains as string[])],
    bindings: reconcileBindings(domains as string[], bindings.value),
    warnings: parsedWarnings,
    otp: params.value,
  });
}

/**
 * Stored bindings, checked again (a vault written by this code only holds valid ones). Absent in
 * accounts written before bindings existed: an empty list, so `domains` migrate to whole-site bindings.
 */
function readBindings(value: unknown): Result<Binding[], AccountJsonError> {
  if (value === undefined) return ok([]);
  if (!Array.isArray(value)) return bad('bindings', 'bindings must be a list');
  const out: Binding[] = [];
  for (const [index, entry] of value.entries()) {
    if (!isRecord(entry) || typeof entry.host !== 'string') return bad(`bindings.${index}`, 'binding must have a host');
    const parsed = parseBinding(entry.host);
    if (!parsed.ok) return bad(`bindings.${index}`, parsed.error.message);
    if (parsed.value.host !== entry.host) return bad(`bindings.${index}`, `binding host "${entry.host}" is not in its stored form`);
    out.push(parsed.value);
  }
  return ok(out);
}
