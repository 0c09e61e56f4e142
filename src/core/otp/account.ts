/**
 * The account model shared by enrolment, imports, the vault and the codes list.
 * A draft is what a parser produces; an account is a draft the vault has saved.
 */
import type { Binding } from '../bindings/binding';
import { reconcileBindings, sitesOfBindings } from '../bindings/reconcile';

export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';
export type OtpKind = 'totp' | 'hotp' | 'steam';

export interface OtpParams {
  kind: OtpKind;
  /** Raw key bytes (decoded from base32). */
  secret: Uint8Array;
  algorithm: OtpAlgorithm;
  /** 6–8 for totp/hotp, always 5 for steam. */
  digits: number;
  /** Seconds per code for totp/steam; kept (30) but unused for hotp. */
  period: number;
  /** Next HOTP counter; 0 and unused for totp/steam. */
  counter: number;
}

export type DraftWarningCode = 'short-secret' | 'issuer-mismatch' | 'counter-defaulted';

export interface DraftWarning {
  code: DraftWarningCode;
  message: string;
}

export interface AccountDraft {
  issuer: string;
  accountName: string;
  otp: OtpParams;
  /**
   * Registrable domains where this account's code may be filled; parsers leave it empty.
   * Kept beside `bindings` (and written to the vault) while the guard still reads it.
   */
  domains: string[];
  /** Where the code is asked, at host granularity; when absent, `domains` become whole-site bindings. */
  bindings?: Binding[];
  warnings: DraftWarning[];
}

export interface Account extends AccountDraft {
  /**
   * Brought in step with `domains` on every read, save and write (reconcileBindings): every binding's
   * site is in `domains`; a domain without a narrower binding has a whole-site one.
   */
  bindings: Binding[];
  id: string;
  createdAt: number;
  updatedAt: number;
  order: number;
}

export const OTP_ALGORITHMS: readonly OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const OTP_KINDS: readonly OtpKind[] = ['totp', 'hotp', 'steam'];

/** Fields the vault assigns when it saves a draft. */
export interface AccountMeta {
  id: string;
  createdAt: number;
  order: number;
}

export function accountFromDraft(draft: AccountDraft, meta: AccountMeta): Account {
  return {
    ...draft,
    otp: { ...draft.otp, secret: draft.otp.secret.slice() },
    domains: [...draft.domains],
    bindings: reconcileBindings(draft.domains, draft.bindings ?? []),
    warnings: draft.warnings.map((warning) => ({ ...warning })),
    id: meta.id,
    createdAt: meta.createdAt,
    updatedAt: meta.createdAt,
    order: meta.order,
  };
}

/** New bindings for an account, with `domains` (still read by the guard) set to their sites. */
export function withBindings<T extends AccountDraft>(account: T, bindings: readonly Binding[]): T & { bindings: Binding[] } {
  const sites = sitesOfBindings(bindings);
  return { ...account, domains: sites, bindings: reconcileBindings(sites, bindings) };
}

/** New domains for an account (old editors): bindings of removed sites go, new sites get whole-site bindings. */
export function withDomains<T extends AccountDraft>(account: T, domains: readonly string[]): T & { bindings: Binding[] } {
  return { ...account, domains: [...domains], bindings: reconcileBindings(domains, account.bindings ?? []) };
}
