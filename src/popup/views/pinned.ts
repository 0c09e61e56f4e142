import type { AccountView } from '../../messaging/protocol';

/**
 * The accounts whose code fills on the page in front come first ("Fills here"), in their own order; the rest keep
 * theirs. The background decides `fillsHere` from the browser's tab data; the popup only sorts.
 */
export function pinFillsHere(accounts: readonly AccountView[]): AccountView[] {
  const here = accounts.filter((account) => account.fillsHere === true);
  if (here.length === 0) return accounts as AccountView[];
  return [...here, ...accounts.filter((account) => account.fillsHere !== true)];
}
