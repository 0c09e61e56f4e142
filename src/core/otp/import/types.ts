import type { AccountDraft } from '../account';

export interface UnsupportedEntry {
  /** What the user would recognise: issuer and account, or the line it came from. */
  name: string;
  reason: string;
}

/** A whole import: either all of this or an ImportError, never part of a file. */
export interface ImportResult {
  format: ImportFormat;
  accounts: AccountDraft[];
  unsupported: UnsupportedEntry[];
}

export type ImportFormat =
  | 'google-migration'
  | 'aegis'
  | '2fas'
  | 'andotp'
  | 'bitwarden'
  | 'authenticator-extension'
  | 'otpauth-list';

export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-text'
  | 'bad-json'
  | 'bad-shape'
  | 'not-recognised'
  | 'bad-payload'
  | 'missing-batches'
  | 'encrypted-unsupported'
  | 'password-required'
  | 'wrong-password'
  | 'bad-encryption-params'
  | 'crypto-failed';

export interface ImportError {
  readonly code: ImportErrorCode;
  /** The format the input was read as, when known. */
  readonly format: ImportFormat | null;
  readonly message: string;
}
