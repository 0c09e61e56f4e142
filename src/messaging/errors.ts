/**
 * Every error code a reply can carry, as one union: the router's refusals, the handlers' own refusals,
 * and the core's vault, import and OTP-field errors that handlers pass on. A code compared anywhere
 * (`reply.error.code === 'locked'`) is checked against this union by the compiler, so a typo or a
 * renamed code is a type error, not a silently dead branch.
 */
import type { ImportErrorCode } from '../core/otp/import/types';
import type { OtpFieldErrorCode } from '../core/otp/params';
import type { VaultErrorCode } from '../core/vault/errors';

/** The router's refusals, before any handler runs. */
export type RouterErrorCode = 'refused' | 'unknown-type' | 'bad-shape' | 'internal';

/** Refusals a handler raises itself (HandlerError). */
export type HandlerErrorCode =
  | 'locked'
  | 'not-found'
  | 'not-allowed'
  | 'not-visible'
  | 'lookalike-page'
  | 'page-changed'
  | 'choose-account'
  | 'code-failed'
  | 'expired'
  | 'undo-expired'
  | 'no-qr'
  | 'bad-image'
  | 'bad-file'
  | 'bad-domain'
  | 'nothing-to-trust'
  // Fail closed (src/background/session, handlers): the session's own state refuses.
  | 'degraded'
  | 'lock-incomplete'
  | 'storage-failed'
  | 'no-front-tab'
  // Warnings outside the page (interstitial, held-code confirmation).
  | 'not-a-lookalike'
  | 'question-closed'
  | 'nothing-stopped';

/** Raised on the extension-page side when no reply came back at all (src/popup/client.ts). */
export type ClientErrorCode = 'no-reply' | 'not-handled';

export type ErrorCode = RouterErrorCode | HandlerErrorCode | VaultErrorCode | ImportErrorCode | OtpFieldErrorCode | ClientErrorCode;
