/**
 * When may a code leave the background? Default deny: only to a frame whose tab's top-level page is
 * an https page verified for the account, and whose own page is verified for the same account.
 * The URLs are the browser's (sender/tab data), never anything a message says.
 */
import type { Guard } from '../domain/guard';

export type ReleaseRefusal =
  | 'no-top-url'
  | 'top-not-https'
  | 'top-not-verified'
  | 'top-lookalike'
  | 'frame-not-verified'
  | 'account-not-for-site'
  | 'locked';

export interface FrameContext {
  /** The tab's top-level URL, from the browser's tab data. */
  topUrl: string | undefined;
  /** The requesting frame's URL, from the browser's sender data. */
  frameUrl: string;
  frameId: number;
}

/** Accounts whose legit domains cover both the top-level page and the requesting frame. */
export function accountsForFrame(guard: Guard, frame: FrameContext): { accountIds: string[]; refusal?: ReleaseRefusal } {
  if (!frame.topUrl) return { accountIds: [], refusal: 'no-top-url' };
  const top = guard.verdict(frame.topUrl);
  if (top.kind === 'lookalike') return { accountIds: [], refusal: 'top-lookalike' };
  if (top.kind !== 'verified') return { accountIds: [], refusal: 'top-not-verified' };
  if (top.target.scheme !== 'https') return { accountIds: [], refusal: 'top-not-https' };
  let accountIds = top.accountIds;
  if (frame.frameId !== 0 || frame.frameUrl !== frame.topUrl) {
    const own = guard.verdict(frame.frameUrl);
    if (own.kind !== 'verified' || own.target.scheme !== 'https') return { accountIds: [], refusal: 'frame-not-verified' };
    const frameAccounts = new Set(own.accountIds);
    accountIds = accountIds.filter((id) => frameAccounts.has(id));
  }
  return accountIds.length > 0 ? { accountIds } : { accountIds: [], refusal: 'account-not-for-site' };
}

export function mayRelease(
  guard: Guard,
  frame: FrameContext,
  accountId: string,
  locked: boolean,
): { allowed: true } | { allowed: false; refusal: ReleaseRefusal } {
  const { accountIds, refusal } = accountsForFrame(guard, frame);
  if (refusal) return { allowed: false, refusal };
  if (!accountIds.includes(accountId)) return { allowed: false, refusal: 'account-not-for-site' };
  if (locked) return { allowed: false, refusal: 'locked' };
  return { allowed: true };
}

export const RELEASE_REFUSAL_TEXT: Record<ReleaseRefusal, string> = {
  'no-top-url': 'OTP Guard cannot see which page this is.',
  'top-not-https': 'This page is not a secure (https) page.',
  'top-not-verified': 'This page is not verified as a site of your accounts.',
  'top-lookalike': 'This page imitates another site.',
  'frame-not-verified': 'The code field is inside a frame from another site.',
  'account-not-for-site': 'None of your accounts belongs to this site.',
  locked: 'OTP Guard is locked.',
};
