/**
 * When may a code leave the background? Default deny: only to a document
 * - whose origin is the https origin of its own URL (no opaque "null" origin: sandboxed frames,
 *   `CSP: sandbox` pages), as the browser's MessageSender reports it;
 * - that is still the document the browser has in that frame (same documentId, active);
 * - where every frame from the tab's top page down to it is an https page verified for the account
 *   (the chain comes from the browser's frame tree, never from a message).
 * - where, on every one of those frames, the account is the most specific match of the accounts'
 *   bindings (src/core/bindings): with AWS bound to `aws.amazon.com` and Amazon to `amazon.com`,
 *   `signin.aws.amazon.com` is AWS's alone and `www.amazon.com` Amazon's alone; an ad frame from
 *   `amazon-adsystem.com` on www.amazon.com is nobody's unless an account is bound to it.
 * Pure: the shell gathers the sender, the chain and the accounts' bindings and passes them in.
 *
 * Only the requesting document's origin is known (webNavigation gives frames' URLs, not origins). That
 * is enough: a sandboxed document's frames inherit its sandbox flags, so a frame below an opaque one is
 * opaque too; and a frame whose URL is not https (about:srcdoc, data:, blob:) is refused by its URL.
 */
import { type AccountBindings, accountCoversPage, matchBindings, type PageHost } from '../bindings/match';
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

/** What the release decision reads: the domain guard, and every account's bindings (none while locked). */
export interface ReleaseRules {
  guard: Guard;
  accounts: readonly AccountBindings[];
}

type Checked = { refusal: ReleaseRefusal } | { refusal?: undefined; hosts: PageHost[] };

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
  const hosts: PageHost[] = [];
  for (const [index, link] of links.entries()) {
    const verdict = guard.verdict(link.url);
    if (!isHttps(link.url) || !verifiedHttps(verdict)) {
      return { refusal: index === links.length - 1 ? 'frame-not-verified' : 'middle-frame-not-verified' };
    }
    hosts.push(verdict.target);
  }
  const own = guard.verdict(requester.url);
  if (!verifiedHttps(own)) return { refusal: 'frame-not-verified' };
  hosts.push(own.target);
  return { hosts };
}

/**
 * The accounts that win (most specific binding) on every one of the frames. A frame where another
 * account is more specific, or where no binding of the account covers it, drops the account: a less
 * specific account is never promoted there, and a brand's other domains (ads, CDNs) get nothing.
 */
function winnersOnEveryFrame(hosts: readonly PageHost[], accounts: readonly AccountBindings[]): string[] {
  const [first, ...rest] = hosts;
  if (!first) return [];
  let winners = matchBindings(first, accounts).accountIds;
  for (const host of rest) {
    if (winners.length === 0) break;
    const here = new Set(matchBindings(host, accounts).accountIds);
    winners = winners.filter((id) => here.has(id));
  }
  return winners;
}

/**
 * Why this frame could never get a code, whatever accounts there are; null when its shape is fine.
 * While locked (the accounts' domains are sealed) this is what says "worth offering a fill after unlock".
 */
export function frameRefusal(rules: ReleaseRules, context: FrameContext): ReleaseRefusal | null {
  return checkFrames(rules.guard, context).refusal ?? null;
}

/** Accounts whose bindings win on every frame from the top page down to the requesting one. */
export function accountsForFrame(rules: ReleaseRules, context: FrameContext): { accountIds: string[]; refusal?: ReleaseRefusal } {
  const checked = checkFrames(rules.guard, context);
  if (checked.refusal) return { accountIds: [], refusal: checked.refusal };
  const accountIds = winnersOnEveryFrame(checked.hosts, rules.accounts);
  return accountIds.length > 0 ? { accountIds } : { accountIds: [], refusal: 'account-not-for-site' };
}

export function mayRelease(
  rules: ReleaseRules,
  context: FrameContext,
  accountId: string,
  locked: boolean,
): { allowed: true } | { allowed: false; refusal: ReleaseRefusal } {
  const { accountIds, refusal } = accountsForFrame(rules, context);
  if (refusal) return { allowed: false, refusal };
  if (!accountIds.includes(accountId)) return { allowed: false, refusal: 'account-not-for-site' };
  if (locked) return { allowed: false, refusal: 'locked' };
  return { allowed: true };
}

function verifiedTopHost(guard: Guard, url: string | undefined): PageHost | null {
  if (!url || !isHttps(url)) return null;
  const verdict = guard.verdict(url);
  return verifiedHttps(verdict) ? verdict.target : null;
}

/**
 * The accounts that would be filled on a top-level https page, by its URL alone (the popup's
 * "will be filled here"): the most specific bindings' winners, several on a tie.
 */
export function pageAccountIds(rules: ReleaseRules, url: string | undefined): string[] {
  const host = verifiedTopHost(rules.guard, url);
  return host ? matchBindings(host, rules.accounts).accountIds : [];
}

/** Accounts with any binding covering a top-level https page (copying: "is this one of the account's sites?"). */
export function pageCoveringAccountIds(rules: ReleaseRules, url: string | undefined): string[] {
  const host = verifiedTopHost(rules.guard, url);
  if (!host) return [];
  return rules.accounts.filter((account) => accountCoversPage(account.bindings, host)).map((account) => account.accountId);
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
