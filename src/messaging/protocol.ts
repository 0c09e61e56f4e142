/**
 * The one message protocol. Messages are named by direction:
 *   ui:*  popup/options page → background   (sender must be an allow-listed extension page)
 *   cs:*  content script → background        (sender must be a content script in a web tab)
 *   bg:*  background → content script        (sent with tabs.sendMessage; never accepted by the background)
 * Shapes are checked at run time with valibot before any handler runs; types are inferred from the schemas.
 * The content script imports this module for types only, so valibot never ships in it.
 */
import * as v from 'valibot';
import type { Reason } from '../core/domain/reasons';
import type { ErrorCode } from './errors';
import { type StoreUiReplies, storeUiSchemas } from './protocol-store';

const Revision = v.pipe(v.number(), v.integer(), v.minValue(0));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const ShortText = v.pipe(v.string(), v.maxLength(256));
const Password = v.pipe(v.string(), v.minLength(1), v.maxLength(1024));
const Domain = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
/**
 * Where an account's code is asked (src/core/bindings): a host — `amazon.com` for the whole site,
 * `aws.amazon.com` for that host and its subdomains — optionally with the site it must stay inside.
 */
const BindingInputSchema = v.union([Domain, v.strictObject({ host: Domain, within: v.optional(Domain) })]);
const Bindings = v.pipe(v.array(BindingInputSchema), v.maxLength(100));
export type BindingInput = v.InferOutput<typeof BindingInputSchema>;
/** Pasted links, imports and backups can be large, but never unbounded (10 MB of text). */
const BigText = v.pipe(v.string(), v.maxLength(10 * 1024 * 1024));

// ---- Warnings outside the page (interstitial, held-code confirmation) ---------------------------
// The warning page stands for the tab it is shown in (the browser's sender.tab); what it shows is what the background
// recorded from the browser's navigation events for that tab, never what a page or a URL says.
const RequestId = v.pipe(v.string(), v.minLength(8), v.maxLength(64));
const warningUiSchemas = {
  'ui:warning-describe': v.strictObject({ type: v.literal('ui:warning-describe') }),
  'ui:warning-go': v.strictObject({ type: v.literal('ui:warning-go') }),
  'ui:warning-continue': v.strictObject({ type: v.literal('ui:warning-continue') }),
  /** Popup: did the user "Continue anyway" on this tab's site? */
  'ui:warning-status': v.strictObject({ type: v.literal('ui:warning-status') }),
  /** Popup: undo "Continue anyway" for this tab's site (the warning page comes back). */
  'ui:warning-forget': v.strictObject({ type: v.literal('ui:warning-forget') }),
  'ui:held-code-describe': v.strictObject({ type: v.literal('ui:held-code-describe'), requestId: RequestId }),
  'ui:held-code-decide': v.strictObject({
    type: v.literal('ui:held-code-decide'),
    requestId: RequestId,
    choice: v.picklist(['enter', 'discard']),
  }),
} as const;
const warningCsSchemas = {
  /** The typed-code guard holds a code: ask the user in extension UI. The reply is the decision. */
  'cs:confirm-held-code': v.strictObject({
    type: v.literal('cs:confirm-held-code'),
    digits: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(64)),
  }),
  /** The held code went away in the page (guard stopped): close the question. */
  'cs:cancel-held-code': v.strictObject({ type: v.literal('cs:cancel-held-code') }),
} as const;

export type HeldCodeChoice = 'enter' | 'discard';
/** What the held-code confirmation window shows: the asking page's site, never the digits. */
export interface HeldCodeQuestion {
  page: PageReport;
  headline: string;
  digits: number;
}
/** What the warning page shows about the page it stopped. */
export interface WarningReport {
  page: PageReport;
  /** The real site's https URL ("Go to amazon.com"). */
  realSiteUrl: string;
  realSiteName: string;
}
export interface WarningStatus {
  /** The tab's page would get the warning page. */
  interstitial: boolean;
  /** …but the user chose "Continue anyway" for its site. */
  skipped: boolean;
  site?: string;
}
export interface WarningUiReplies {
  'ui:warning-describe': WarningReport;
  'ui:warning-go': { navigated: boolean };
  'ui:warning-continue': { navigated: boolean };
  'ui:warning-status': WarningStatus;
  'ui:warning-forget': WarningStatus;
  'ui:held-code-describe': HeldCodeQuestion;
  'ui:held-code-decide': { decided: boolean };
}
export interface WarningCsReplies {
  'cs:confirm-held-code': { choice: HeldCodeChoice };
  'cs:cancel-held-code': { cancelled: boolean };
}

export const uiMessageSchemas = {
  'ui:describe-tab': v.strictObject({ type: v.literal('ui:describe-tab') }),
  'ui:vault-status': v.strictObject({ type: v.literal('ui:vault-status') }),
  'ui:create-vault': v.strictObject({ type: v.literal('ui:create-vault'), password: Password }),
  'ui:unlock': v.strictObject({ type: v.literal('ui:unlock'), password: Password }),
  'ui:lock': v.strictObject({ type: v.literal('ui:lock') }),
  'ui:change-password': v.strictObject({
    type: v.literal('ui:change-password'),
    current: Password,
    next: Password,
  }),
  'ui:list-accounts': v.strictObject({ type: v.literal('ui:list-accounts') }),
  'ui:preview-links': v.strictObject({ type: v.literal('ui:preview-links'), text: BigText }),
  'ui:preview-manual': v.strictObject({
    type: v.literal('ui:preview-manual'),
    issuer: ShortText,
    accountName: ShortText,
    secret: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
    kind: v.picklist(['totp', 'hotp', 'steam']),
    algorithm: v.picklist(['SHA1', 'SHA256', 'SHA512']),
    digits: v.pipe(v.number(), v.integer()),
    period: v.pipe(v.number(), v.integer()),
    counter: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  'ui:scan-tab': v.strictObject({ type: v.literal('ui:scan-tab') }),
  'ui:preview-image': v.strictObject({
    type: v.literal('ui:preview-image'),
    /** A data: URL of the image the user chose; decoded in the background. */
    dataUrl: v.pipe(v.string(), v.startsWith('data:image/'), v.maxLength(20 * 1024 * 1024)),
  }),
  'ui:preview-import': v.strictObject({
    type: v.literal('ui:preview-import'),
    text: v.optional(BigText),
    bytesBase64: v.optional(BigText),
    password: v.optional(Password),
  }),
  'ui:commit-pending': v.strictObject({
    type: v.literal('ui:commit-pending'),
    pendingIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(1000)),
    domains: v.optional(v.pipe(v.array(Domain), v.maxLength(50))),
    /** Replaces `domains` when given (both at once is refused). */
    bindings: v.optional(Bindings),
    expectedRevision: Revision,
  }),
  'ui:update-account': v.strictObject({
    type: v.literal('ui:update-account'),
    id: Id,
    issuer: v.optional(ShortText),
    accountName: v.optional(ShortText),
    domains: v.optional(v.pipe(v.array(Domain), v.maxLength(50))),
    /** Replaces `domains` when given (both at once is refused). */
    bindings: v.optional(Bindings),
    expectedRevision: Revision,
  }),
  'ui:delete-account': v.strictObject({ type: v.literal('ui:delete-account'), id: Id, expectedRevision: Revision }),
  'ui:undo-delete': v.strictObject({ type: v.literal('ui:undo-delete'), undoToken: Id }),
  'ui:reorder': v.strictObject({
    type: v.literal('ui:reorder'),
    ids: v.pipe(v.array(Id), v.maxLength(5000)),
    expectedRevision: Revision,
  }),
  'ui:hotp-next': v.strictObject({ type: v.literal('ui:hotp-next'), id: Id }),
  /** The codes of the rows the popup shows that the list left without one (`codeLater`); ids it does not know are skipped. */
  'ui:account-codes': v.strictObject({ type: v.literal('ui:account-codes'), ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(200)) }),
  /** Copy asks first: no code is copied while the tab in front (the background asks the browser) is a lookalike. */
  'ui:copy-code': v.strictObject({ type: v.literal('ui:copy-code'), id: Id }),
  'ui:export-account-qr': v.strictObject({ type: v.literal('ui:export-account-qr'), id: Id, password: Password }),
  'ui:export-backup': v.strictObject({ type: v.literal('ui:export-backup'), password: v.optional(Password) }),
  'ui:inspect-backup': v.strictObject({ type: v.literal('ui:inspect-backup'), fileText: BigText, password: Password }),
  'ui:restore-backup': v.strictObject({
    type: v.literal('ui:restore-backup'),
    token: Id,
    mode: v.picklist(['merge', 'replace']),
  }),
  /** Forgotten password, step 1: the vault as stored (still encrypted) to keep as a file. */
  'ui:export-raw-vault': v.strictObject({ type: v.literal('ui:export-raw-vault') }),
  /** Step 2: deletes the vault, only when `exportedText` (the file just saved) holds all of it. */
  'ui:start-over': v.strictObject({ type: v.literal('ui:start-over'), exportedText: BigText }),
  'ui:get-settings': v.strictObject({ type: v.literal('ui:get-settings') }),
  'ui:set-settings': v.strictObject({
    type: v.literal('ui:set-settings'),
    patch: v.strictObject({
      autoLockMinutes: v.optional(v.pipe(v.number(), v.minValue(0.05), v.maxValue(24 * 60))),
      autoFill: v.optional(v.boolean()),
      autoSubmit: v.optional(v.boolean()),
      backupReminder: v.optional(v.boolean()),
      sync: v.optional(v.boolean()),
      /** 0: never; otherwise 5 s to 10 min. */
      clipboardClearSeconds: v.optional(v.union([v.literal(0), v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600))])),
    }),
  }),
  'ui:trust-site': v.strictObject({ type: v.literal('ui:trust-site') }),
  ...warningUiSchemas,
  ...storeUiSchemas,
} as const;

export const csMessageSchemas = {
  'cs:hello': v.strictObject({ type: v.literal('cs:hello') }),
  'cs:request-code': v.strictObject({ type: v.literal('cs:request-code'), accountId: v.optional(Id) }),
  'cs:open-popup': v.strictObject({ type: v.literal('cs:open-popup') }),
  /** A content-script entry point threw (it failed closed): kept in the background's diagnostics. */
  'cs:report-error': v.strictObject({ type: v.literal('cs:report-error'), where: ShortText, error: ShortText }),
  /**
   * The user pasted or dropped a text that may name its site (origin-bound SMS, e-mail with a sender):
   * the background parses it and judges the sender's own frame data against the site it names.
   */
  'cs:pasted-code': v.strictObject({ type: v.literal('cs:pasted-code'), text: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)) }),
  ...warningCsSchemas,
} as const;

export type UiMessageType = keyof typeof uiMessageSchemas;
export type CsMessageType = keyof typeof csMessageSchemas;
export type UiMessage<T extends UiMessageType = UiMessageType> = v.InferOutput<(typeof uiMessageSchemas)[T]>;
export type CsMessage<T extends CsMessageType = CsMessageType> = v.InferOutput<(typeof csMessageSchemas)[T]>;

/**
 * Background → content script. The background never pushes a code: it asks the frame to request one
 * (bg:fill-now), so every code goes through the same release check on the frame's own sender data.
 */
export type BackgroundToContent =
  | { type: 'bg:fill-now'; overwrite: boolean }
  | { type: 'bg:recheck' }
  | { type: 'bg:notice'; text: string; tone: 'ok' | 'warning' | 'info' };

// ---- Replies -------------------------------------------------------------------------------

export interface ErrorReply {
  /** A stable machine code ('refused', 'bad-shape', 'locked', 'conflict', ...): one union, errors.ts. */
  code: ErrorCode;
  /** Plain words for the user. */
  message: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorReply };

export type VerdictKind = 'verified' | 'lookalike' | 'unknown' | 'not-a-website' | 'invalid';

/** What the popup's "This page" panel shows. Computed in the background from the tab's own URL. */
export interface PageReport {
  verdict: VerdictKind;
  /** Why it is not a website, or why it could not be read. */
  notWebsiteReason?: string;
  scheme?: 'https' | 'http';
  /** Host as the browser has it (punycode for IDN). */
  asciiHost?: string;
  /** Host in Unicode; equals asciiHost for plain ASCII names. */
  unicodeHost?: string;
  registrableDomain?: string;
  unicodeRegistrableDomain?: string;
  brand?: { name: string; primaryDomain: string };
  imitates?: { name: string; primaryDomain: string };
  /** Reason codes with their data; the views word them (src/ui/reasons.ts). */
  reasons: Reason[];
  /** Positions in unicodeHost of characters that imitate others. */
  confusables: { index: number; char: string; looksLike: string }[];
  trustedByUser: boolean;
  /** The account that would be filled on this page (absent while locked, on a tie or when none is bound here). */
  fillAccount?: { id: string; label: string };
}

/** What a content script learns about its page: enough to display, never enough to decide. */
export interface PageState {
  verdict: VerdictKind;
  locked: boolean;
  /** True when the background would release a code to this frame now (or after unlock). */
  fillable: boolean;
  autoFill: boolean;
  autoSubmit: boolean;
  /** `banner: false`: a low-confidence caution — the badge and the typed-code guard, no in-page banner. */
  warning?: { headline: string; details: string[]; realSiteUrl?: string; realSiteName?: string; banner?: false };
  accounts: { id: string; label: string }[];
}

export interface VaultStatusReport {
  state: 'none' | 'locked' | 'unlocked';
  readOnly: boolean;
  readOnlyReason?: string;
  /** Unlocked, but the accounts could not be read: no fills or copies until they can. */
  degradedReason?: string;
  retryAfterMs: number;
  damaged: { id: string; name: string; reason: string }[];
}

export interface AccountView {
  id: string;
  issuer: string;
  accountName: string;
  kind: 'totp' | 'hotp' | 'steam';
  digits: number;
  period: number;
  domains: string[];
  /** Where the code is asked: hosts (`amazon.com` the whole site, `aws.amazon.com` that host and below). */
  bindings?: string[];
  /** The account (each on a tie) that would be filled on the page in front, by the browser's front tab: shown first, "Fills here". */
  fillsHere?: boolean;
  code: string;
  /** The next period's code, given in the last seconds of a period. */
  nextCode?: string;
  secondsRemaining: number;
  /** The list left this row's code out (`code` is empty): only its first rows carry codes; ask `ui:account-codes`. */
  codeLater?: true;
  warnings: string[];
}

/** One account's current code, without its names (the answer to `ui:account-codes`). */
export interface AccountCode {
  id: string;
  code: string;
  nextCode?: string;
  secondsRemaining: number;
}

export interface AccountsList {
  revision: number;
  accounts: AccountView[];
  damaged: { id: string; name: string; reason: string }[];
  readOnly: boolean;
  backupReminder: boolean;
}

export interface PendingPreview {
  pendingId: string;
  issuer: string;
  accountName: string;
  code: string;
  warnings: string[];
  proposedDomains: string[];
  /** Where the code would be asked (hosts, from the issuer catalogue and the page), what commit-pending saves by default. */
  proposedBindings?: string[];
  duplicateOf?: { id: string; why: 'same-secret' | 'same-issuer-account' };
}

export interface PreviewReply {
  source: string;
  previews: PendingPreview[];
  unsupported: { name: string; reason: string }[];
  errors: string[];
}

export interface Settings {
  autoLockMinutes: number;
  autoFill: boolean;
  autoSubmit: boolean;
  backupReminder: boolean;
  sync: boolean;
  /** Seconds after a copy until the clipboard is cleared; 0: never. */
  clipboardClearSeconds: number;
}

export interface UiReplies extends WarningUiReplies, StoreUiReplies {
  'ui:describe-tab': PageReport;
  'ui:vault-status': VaultStatusReport;
  'ui:create-vault': VaultStatusReport;
  'ui:unlock': VaultStatusReport;
  'ui:lock': VaultStatusReport;
  'ui:change-password': VaultStatusReport;
  'ui:list-accounts': AccountsList;
  'ui:preview-links': PreviewReply;
  'ui:preview-manual': PreviewReply;
  'ui:scan-tab': PreviewReply;
  'ui:preview-image': PreviewReply;
  'ui:preview-import': PreviewReply;
  'ui:commit-pending': { added: number; revision: number };
  'ui:update-account': { revision: number };
  'ui:delete-account': { revision: number; undoToken: string };
  'ui:undo-delete': { revision: number };
  'ui:reorder': { revision: number };
  'ui:hotp-next': { code: string };
  'ui:account-codes': { codes: AccountCode[] };
  /** `clearsAt`: when the background will clear the clipboard (ms since the epoch); absent when it will not. */
  'ui:copy-code': { code: string; warning?: string; clearsAt?: number };
  'ui:export-account-qr': { svg: string };
  'ui:export-backup': { fileName: string; fileText: string };
  'ui:inspect-backup': { token: string; entries: number; fresh: number; duplicates: number };
  'ui:restore-backup': { added: number; revision: number };
  'ui:export-raw-vault': { fileName: string; fileText: string };
  'ui:start-over': VaultStatusReport;
  'ui:get-settings': Settings;
  'ui:set-settings': Settings;
  'ui:trust-site': PageReport;
}

/**
 * What goes into the field for a pasted text that may name its site: `fill` — only the code (the page
 * is the code's site); `held` — nothing (another site, a lookalike, or a message refused as written);
 * `as-usual` — the text names no site after all: it is pasted as without OTP Guard.
 */
export type PastedCodeVerdict =
  | { outcome: 'fill'; code: string }
  | { outcome: 'held'; message: string; site?: string }
  | { outcome: 'as-usual' };

export interface CsReplies extends WarningCsReplies {
  'cs:pasted-code': PastedCodeVerdict;
  'cs:hello': PageState;
  'cs:request-code': { code: string; accountId: string };
  'cs:open-popup': { opened: boolean };
  'cs:report-error': { logged: boolean };
}
