/**
 * A one-time code that names the site it is for: from an origin-bound SMS (`@amazon.com #123456`,
 * WICG "Origin-bound one-time codes delivered via SMS") or from a pasted e-mail whose sender
 * address names the site (`From: Amazon <account-update@amazon.com>`).
 */
export interface BoundCode {
  source: 'sms' | 'email';
  /** The code to fill, exactly as the message wrote it. */
  code: string;
  /** Lower-case ASCII host the message names (for e-mail: the sender address's domain). */
  host: string;
  /** Registrable domain of `host` (psl): what "same site" compares. */
  site: string;
  /** `site` for people: Unicode, with the punycode form beside it when they differ. */
  displaySite: string;
  /** The embedded site of an SMS `%iframe.example` part; null when the code is for the top-level page. */
  embedded: { host: string; site: string; displaySite: string } | null;
}

export type BoundCodeErrorCode =
  | 'empty'
  | 'too-long'
  | 'no-origin-bound-line'
  | 'not-last-line'
  | 'missing-host'
  | 'bad-separator'
  | 'missing-code'
  | 'bad-host'
  | 'bad-code'
  | 'bad-embedded-host'
  | 'several-origin-bound-lines'
  | 'no-sender'
  | 'several-senders'
  | 'no-code'
  | 'ambiguous-code';

export interface BoundCodeError {
  readonly code: BoundCodeErrorCode;
  readonly message: string;
}

/** Longest pasted text looked at (an SMS is far shorter; a pasted e-mail can be a few kB). */
export const MAX_PASTED_TEXT = 20_000;

/** A code the filler will type: letters, digits and inner hyphens, 1–32 characters. */
export const CODE_SHAPE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
