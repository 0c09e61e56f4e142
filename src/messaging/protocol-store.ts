/**
 * The store-readiness messages (issue 15): clipboard clearing, trusted sites with undo, checking any link, and the
 * export for other apps. Spread into protocol.ts's one ui: table, so the router checks them like every other.
 */
import * as v from 'valibot';
import type { PageReport } from './protocol';

const Password = v.pipe(v.string(), v.minLength(1), v.maxLength(1024));
const Domain = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
/** A pasted link or address: a URL is rarely longer than 2,000 characters; an SMS text can be pasted whole. */
const PastedLink = v.pipe(v.string(), v.maxLength(4096));

export const storeUiSchemas = {
  /** What became of the last copied code on the clipboard. */
  'ui:clipboard-status': v.strictObject({ type: v.literal('ui:clipboard-status') }),
  'ui:list-trusted-sites': v.strictObject({ type: v.literal('ui:list-trusted-sites') }),
  /** Undo a "trust": the site is judged again like any other. */
  'ui:untrust-site': v.strictObject({ type: v.literal('ui:untrust-site'), site: Domain }),
  /** A link or address the user pasted (from an SMS, a chat, an e-mail): judged without opening it. */
  'ui:check-link': v.strictObject({ type: v.literal('ui:check-link'), text: PastedLink }),
  /** The link of the last right-click "Check this link" (kept by the background, never named by a page). */
  'ui:menu-link': v.strictObject({ type: v.literal('ui:menu-link') }),
  /** Every account with its secret, in plain text, for another app: only after the vault password. */
  'ui:export-for-apps': v.strictObject({
    type: v.literal('ui:export-for-apps'),
    password: Password,
    format: v.picklist(['otpauth', 'aegis']),
  }),
} as const;

export interface ClipboardStatus {
  /** none: nothing copied yet; pending: will be cleared at `at`; changed: not cleared, it held something else. */
  state: 'none' | 'pending' | 'cleared' | 'changed' | 'failed';
  at?: number;
}

export interface TrustedSiteEntry {
  /** Registrable domain, as stored (punycode for IDN). */
  site: string;
  unicodeSite: string;
  /** When the user trusted it (ms since the epoch); undefined for trusts kept before dates were recorded. */
  trustedAt?: number;
  /** Why it needed trust: what OTP Guard said about it then. */
  reason: 'lookalike' | 'unknown' | 'earlier';
  /** For a lookalike: the brand it looked like. */
  imitated?: string;
}

export interface CheckedLink {
  /** The address as judged (the pasted text's first link or host). */
  checked: string;
  report: PageReport;
}

export interface StoreUiReplies {
  'ui:clipboard-status': ClipboardStatus;
  'ui:list-trusted-sites': { sites: TrustedSiteEntry[] };
  'ui:untrust-site': { sites: TrustedSiteEntry[] };
  'ui:check-link': CheckedLink;
  'ui:menu-link': CheckedLink;
  'ui:export-for-apps': { fileName: string; fileText: string; accounts: number };
}

