/** What the popup sees of an account: names, sites, bindings and codes — never the secret. */
import type { Account } from '../core/otp/account';
import { generateCode, secondsRemaining } from '../core/otp/codes';
import type { AccountCode, AccountView } from '../messaging/protocol';

/** In the last seconds of a period the next code is shown too, so the user need not wait. */
const NEXT_CODE_WINDOW_SECONDS = 5;

/**
 * The account's code now (and the next one in the last seconds of a period). One HMAC or two per account: at
 * 1,000 accounts that is most of a second of the worker, which is why the list computes it only for its first rows.
 */
export function accountCode(account: Account, epochMs: number): AccountCode {
  const timeBased = account.otp.kind !== 'hotp';
  const code = generateCode(account.otp, { epochMs });
  const remaining = timeBased ? secondsRemaining(account.otp.period, epochMs) : 0;
  const next =
    timeBased && remaining <= NEXT_CODE_WINDOW_SECONDS ? generateCode(account.otp, { epochMs: epochMs + remaining * 1000 }) : null;
  return {
    id: account.id,
    code: code.ok ? code.value : '',
    ...(next?.ok ? { nextCode: next.value } : {}),
    secondsRemaining: remaining,
  };
}

/**
 * `fillsHere`: this account would be filled on the page in front (the list shows it first and says so).
 * `withCode` false: the code is left out (`codeLater`), for the popup to ask with `ui:account-codes` when the row
 * is on screen; the countdown is still given (it costs no HMAC).
 */
export function accountView(account: Account, epochMs: number, fillsHere = false, withCode = true): AccountView {
  const timeBased = account.otp.kind !== 'hotp';
  const codes = withCode ? accountCode(account, epochMs) : null;
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
    code: codes?.code ?? '',
    ...(codes?.nextCode !== undefined ? { nextCode: codes.nextCode } : {}),
    secondsRemaining: codes?.secondsRemaining ?? (timeBased ? secondsRemaining(account.otp.period, epochMs) : 0),
    ...(codes ? {} : { codeLater: true as const }),
    warnings: account.warnings.map((warning) => warning.message),
  };
}
