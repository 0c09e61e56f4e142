/** What the popup sees of an account: names, sites, bindings and codes — never the secret. */
import type { Account } from '../core/otp/account';
import { generateCode, secondsRemaining } from '../core/otp/codes';
import type { AccountView } from '../messaging/protocol';

/** In the last seconds of a period the next code is shown too, so the user need not wait. */
const NEXT_CODE_WINDOW_SECONDS = 5;

/** `fillsHere`: this account would be filled on the page in front (the list shows it first and says so). */
export function accountView(account: Account, epochMs: number, fillsHere = false): AccountView {
  const timeBased = account.otp.kind !== 'hotp';
  const code = timeBased ? generateCode(account.otp, { epochMs }) : null;
  const remaining = timeBased ? secondsRemaining(account.otp.period, epochMs) : 0;
  const next =
    timeBased && remaining <= NEXT_CODE_WINDOW_SECONDS ? generateCode(account.otp, { epochMs: epochMs + remaining * 1000 }) : null;
  return {
    id: account.id,
    issuer: account.issuer,
    accountName: account.accountName,
    kind: account.otp.kind,
    digits: account.otp.digits,
    period: account.otp.period,
    domains: [...account.domains],
    bindings: account.bindings.map((binding) => binding.host),
    ...(fillsHere ? { fillsHere: true } : {}),
    code: code?.ok ? code.value : '',
    ...(next?.ok ? { nextCode: next.value } : {}),
    secondsRemaining: remaining,
    warnings: account.warnings.map((warning) => warning.message),
  };
}
