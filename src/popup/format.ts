import { BackgroundError } from './client';

/** Splits a code in two groups for reading aloud: 6 → "123 456", 7 → "123 4567", 8 → "1234 5678". */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const half = Math.floor(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

/** Plain words for anything a call threw; background errors already carry them. */
export function messageOf(error: unknown): string {
  if (error instanceof BackgroundError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

export function isConflict(error: unknown): boolean {
  return error instanceof BackgroundError && error.code === 'conflict';
}

/** `unnamed`: the translated word for an account with neither issuer nor name. */
export function accountLabel(account: { issuer: string; accountName: string }, unnamed: string): string {
  if (account.issuer && account.accountName) return `${account.issuer} (${account.accountName})`;
  return account.issuer || account.accountName || unnamed;
}
