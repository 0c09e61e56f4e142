/**
 * When may a code leave the background? Default deny: only to a document
 * - whose origin is the https origin of its own URL (no opaque "null" origin: sandboxed frames,
 *   `CSP: sandbox` pages), as the browser's MessageSender reports it;
 * - that is still the document the browser has in that frame (same documentId, active);
 * - where every frame from the tab's top page down to it is an https page verified for the account
 *   (the chain comes from the browser's frame tree, never from a message).
 * Pure: the shell gathers the sender and the chain and passes them in.
 *
 * Only the requesting document's origin is known (webNavigation gives frames' URLs, not origins). That
 * is enough: a sandboxed document's frames inherit its sandbox flags, so a frame below an opaque one is
 * opaque too; and a frame whose URL is not https (about:srcdoc, data:, blob:) is refused by its URL.
 */
import type { Guard, Verdict } from '../domain/guard';
import type { Result } from '../result';
import type { ChainError, ChainLink } from './frame-chain';
import { documentOriginRefusal, type OriginRefusal } from './origin';

export type ReleaseRefusal =
  | 'no-frame-chain'
  | 'top-not-https'
  | 'top-not-verified'
  | 'top-lookalike'
  | 'middle-frame-not-verified'
  | 'frame-not-verified'
  | OriginRefusal
  | 'frame-changed'
  | 'frame-not-active'
  | 'account-not-for-site'
  | 'locked';

/** The document that asked, from the browser's MessageSender. */
export interface Requester {
  frameId: number;
  url: string;
  origin?: string;
  documentId?: string;
  documentLifecycle?: string;
}

export interface FrameContext {
  requester: Requester;
  /** The browser's frames from the top page (first) down to the requesting frame (last), or why it could not be read. */
  chain: Result<readonly ChainLink[], ChainError | 'unreadable'>;
}

type Checked = { refusal: ReleaseRefusal } | { refusal?: undefined; accountSets: string[][] };

const isHttps = (url: string) => /^https:\/\//i.test(url);
const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};
const verifiedHttps = (verdict: Verdict): verdict is Extract<Verdict, { kind: 'verified' }> =>
  verdict.kind === 'verified' && verdict.target.scheme === 'https';

function topRefusal(guard: Guard, url: string): ReleaseRefusal | null {
  if (!isHttps(url)) return 'top-not-https';
  const verdict = guard.verdict(url);
  if (verdict.kind === 'lookalike') return 'top-lookalike';
  return verifiedHttps(verdict) ? null : 'top-not-verified';
}

/** The document in the frame now is the one that asked, and it is the live one (not prerendered, not cached). */
function freshnessRefusal(requester: Requester, link: ChainLink): ReleaseRefusal | null {
  if (link.frameId !== requester.frameId) return 'frame-changed';
  if (requester.documentId !== undefined && link.documentId !== undefined && requester.documentId !== link.documentId) return 'frame-changed';
  const own = originOf(requester.url);
  if (own === null || own !== originOf(link.url)) return 'frame-changed';
  for (const lifecycle of [requester.documentLifecycle, link.documentLifecycle]) {
    if (lifecycle !== undefined && lifecycle !== 'active') return 'frame-not-active';
  }
  return null;
}

/** Every check that does not depend on which accounts exist: the frame's shape, origin and chain. */
function checkFrames(guard: Guard, context: FrameContext): Checked {
  if (!context.chain.ok) return { refusal: 'no-frame-chain' };
  const links = context.chain.value;
  const top = links[0];
  const last = links.at(-1);
  if (!top || !last) return { refusal: 'no-frame-chain' };
  const fromTop = topRefusal(guard, top.url);
  if (fromTop) return { refusal: fromTop };
  const { requester } = context;
  const origin = documentOriginRefusal(requester.url, requester.origin);
  if (origin) return { refusal: origin };
  const stale = freshnessRefusal(requester, last);
  if (stale) return { refusal: stale };
  const accountSets: string[][] = [];
  for (const [index, link] of links.entries()) {
    const verdict = guard.verdict(link.url);
    if (!isHttps(link.url) || !verifiedHttps(verdict)) {
      return { refusal: index === links.length - 1 ? 'frame-not-verified' : 'middle-frame-not-verified' };
    }
    accountSets.push(verdict.accountIds);
  }
  const own = guard.verdict(requester.url);
  if (!verifiedHttps(own)) return { refusal: 'frame-not-verified' };
  accountSets.push(own.accountIds);
  return { accountSets };
}

/**
 * Why this frame could never get a code, whatever accounts there are; null when its shape is fine.
 * While locked (the accounts' domains are sealed) this is what says "worth offering a fill after unlock".
 */
export function frameRefusal(guard: Guard, context: FrameContext): ReleaseRefusal | null {
  return checkFrames(guard, context).refusal ?? null;
}

/** Accounts whose legit domains cover every frame from the top page down to the requesting one. */
export function accountsForFrame(guard: Guard, context: FrameContext): { accountIds: string[]; refusal?: ReleaseRefusal } {
  const checked = checkFrames(guard, context);
  if (checked.refusal) return { accountIds: [], refusal: checked.refusal };
  const [first = [], ...rest] = checked.accountSets;
  const accountIds = first.filter((id) => rest.every((set) => set.includes(id)));
  return accountIds.length > 0 ? { accountIds } : { accountIds: [], refusal: 'account-not-for-site' };
}

export function mayRelease(
  guard: Guard,
  context: FrameContext,
  accountId: string,
  locked: boolean,
): { allowed: true } | { allowed: false; refusal: ReleaseRefusal } {
  const { accountIds, refusal } = accountsForFrame(guard, context);
  if (refusal) return { allowed: false, refusal };
  if (!accountIds.includes(accountId)) return { allowed: false, refusal: 'account-not-for-site' };
  if (locked) return { allowed: false, refusal: 'locked' };
  return { allowed: true };
}

/** Accounts of a top-level https page by its URL alone (for copying, where no frame asks). */
export function pageAccountIds(guard: Guard, url: string | undefined): string[] {
  if (!url || !isHttps(url)) return [];
  const verdict = guard.verdict(url);
  return verifiedHttps(verdict) ? verdict.accountIds : [];
}

export const RELEASE_REFUSAL_TEXT: Record<ReleaseRefusal, string> = {
  'no-frame-chain': 'OTP Guard could not check the frames of this page, so it gives no code.',
  'top-not-https': 'This page is not a secure (https) page.',
  'top-not-verified': 'This page is not verified as a site of your accounts.',
  'top-lookalike': 'This page imitates another site.',
  'middle-frame-not-verified': 'The code field is inside a frame that is itself inside a frame from another site.',
  'frame-not-verified': 'The code field is inside a frame from another site.',
  'no-origin': 'Your browser did not say which site the code field belongs to, so OTP Guard gives no code.',
  'opaque-origin': 'The code field is in a sandboxed document that belongs to no site, so OTP Guard gives no code.',
  'origin-mismatch': 'The code field’s document does not belong to the secure site its address shows.',
  'frame-changed': 'The frame changed while OTP Guard was checking it. Try again.',
  'frame-not-active': 'The code field is in a page that is not the one shown.',
  'account-not-for-site': 'None of your accounts belongs to this site.',
  locked: 'OTP Guard is locked.',
};
