/**
 * Exports for other authenticator apps, in plain text (the user asked for it after a warning and the password):
 * a list of otpauth:// links, one a line, and an Aegis plain vault (version 1, db version 3), which Aegis and most
 * apps that import Aegis files read. Pure: the UUIDs Aegis wants per entry are passed in.
 */
import type { AccountDraft } from './account';
import { encodeBase32 } from './base32';
import { toOtpauthUri } from './otpauth';

type Exportable = Pick<AccountDraft, 'issuer' | 'accountName' | 'otp'>;

export function toOtpauthList(accounts: readonly Exportable[]): string {
  return accounts.map((account) => `${toOtpauthUri(account)}\n`).join('');
}

function aegisInfo(account: Exportable): Record<string, string | number> {
  const { otp } = account;
  const info: Record<string, string | number> = { secret: encodeBase32(otp.secret), algo: otp.algorithm, digits: otp.digits };
  if (otp.kind === 'hotp') info.counter = otp.counter;
  else info.period = otp.period;
  return info;
}

export function toAegisPlainJson(accounts: readonly Exportable[], newUuid: () => string): string {
  const entries = accounts.map((account) => ({
    type: account.otp.kind,
    uuid: newUuid(),
    name: account.accountName,
    issuer: account.issuer,
    note: '',
    favorite: false,
    icon: null,
    info: aegisInfo(account),
  }));
  const vault = { version: 1, header: { slots: null, params: null }, db: { version: 3, entries, groups: [] } };
  return `${JSON.stringify(vault, null, 2)}\n`;
}
