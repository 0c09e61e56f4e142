/** Vault and parser errors become plain-worded handler refusals. */
import type { Result } from '../core/result';
import type { VaultError } from '../core/vault/errors';
import { HandlerError } from '../messaging/router';

const VAULT_TEXT: Partial<Record<VaultError['code'], string>> = {
  'wrong-password': 'Wrong password. Nothing was changed.',
  'no-vault': 'OTP Guard is locked: unlock it first.',
  conflict: 'Your accounts were changed in another window. The list was reloaded: please try again.',
  'quota-exceeded': 'The browser storage for OTP Guard is full. Nothing was changed or deleted.',
  'read-only-newer-version':
    'This vault was written by a newer version of OTP Guard. It is read-only here: update the extension to change it.',
};

export function vaultRefusal(error: VaultError): HandlerError {
  const text = VAULT_TEXT[error.code] ?? `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`;
  return new HandlerError(error.code, text);
}

export function unwrapVault<T>(result: Result<T, VaultError>): T {
  if (!result.ok) throw vaultRefusal(result.error);
  return result.value;
}

export function requireUnlocked(unlocked: boolean): void {
  if (!unlocked) throw new HandlerError('locked', 'OTP Guard is locked: unlock it first.');
}

/** A degraded session (its accounts could not be read) neither fills nor copies. */
export function requireUsable(degraded: string | null): void {
  if (degraded !== null) throw new HandlerError('degraded', degraded);
}
