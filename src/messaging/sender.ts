/**
 * Who sent a message, decided from the browser's own `sender` data only — never from the message.
 * Pure: the shell passes the browser's MessageSender and the extension's identity in.
 */
import type { UiMessageType } from './protocol';

export interface SenderData {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  /** Chromium 106+ (and recent Firefox): the sending document's id, to check it is still the one in the frame. */
  documentId?: string;
  /** Chromium: 'active', 'prerender', 'cached', 'pending_deletion'. */
  documentLifecycle?: string;
  tab?: { id?: number; url?: string };
}

export interface ExtensionIdentity {
  id: string;
  /** e.g. "chrome-extension://abc.../" or "moz-extension://uuid/" */
  baseUrl: string;
  /** Paths of the extension pages allowed to send ui:* messages. */
  pages: readonly string[];
}

export type SenderRole =
  /** `tabId`: the tab an extension page is shown in (the browser's sender.tab), absent for the popup. */
  | { role: 'extension-page'; page: string; tabId?: number }
  | {
      role: 'content-script';
      tabId: number;
      frameId: number;
      frameUrl: string;
      tabUrl?: string;
      /** The sending document's origin as the browser has it: "null" for a sandboxed document. */
      origin?: string;
      documentId?: string;
      documentLifecycle?: string;
    }
  | { role: 'refused'; reason: string };

const WEB_SCHEME = /^https?:\/\//i;
/**
 * A document a web page wrote itself (about:blank, about:srcdoc; match_origin_as_fallback) runs our
 * content script too, so the typed-code guard can ask about a held code there. It is a content script
 * only when the browser gives its creator's web origin; the release policy still refuses it any code
 * (its URL has no https origin of its own).
 */
const ABOUT_DOCUMENT = /^about:(blank|srcdoc)(?:[?#]|$)/i;
/** A document a web page wrote itself, with the web origin that created it (as the browser reports). */
export const isWrittenWebDocument = (url: string, origin: unknown): origin is string =>
  ABOUT_DOCUMENT.test(url) && typeof origin === 'string' && WEB_SCHEME.test(origin);
const isWebDocument = (url: string, origin: unknown) => WEB_SCHEME.test(url) || isWrittenWebDocument(url, origin);

/**
 * The per-page allow-list. The warning page and the held-code confirmation page act on their own tab or
 * window only, so each may send just the messages it uses, and those messages are theirs alone (the popup
 * cannot decide a held code or lift a warning). The popup and the options page may send every other
 * ui:* message. Any other page of ours (one added later, a stray HTML file) may send nothing until it is
 * listed here. The page is the path of the sender's URL on our own origin (classifySender), never a field
 * of the message.
 */
const PAGE_ONLY_MESSAGES: ReadonlyMap<string, readonly UiMessageType[]> = new Map([
  ['src/warning/index.html', ['ui:warning-describe', 'ui:warning-go', 'ui:warning-continue']],
  ['src/confirm/index.html', ['ui:held-code-describe', 'ui:held-code-decide']],
]);
const FULL_PAGES: readonly string[] = ['src/popup/index.html', 'src/options/index.html'];
const RESERVED: ReadonlySet<string> = new Set([...PAGE_ONLY_MESSAGES.values()].flat());

/** Whether the extension page at `page` (a path, as classifySender gives it) may send a message of `type`. */
export function pageMaySend(page: string, type: string): boolean {
  const own = PAGE_ONLY_MESSAGES.get(page);
  if (own) return (own as readonly string[]).includes(type);
  return FULL_PAGES.includes(page) && !RESERVED.has(type);
}

export function classifySender(sender: SenderData, self: ExtensionIdentity): SenderRole {
  if (sender.id !== self.id) return { role: 'refused', reason: 'sender is not this extension' };
  const url = sender.url ?? '';
  if (url.startsWith(self.baseUrl)) {
    const path = url.slice(self.baseUrl.length).split(/[?#]/)[0] ?? '';
    if (self.pages.includes(path)) {
      const pageTab = sender.tab?.id;
      return { role: 'extension-page', page: path, ...(typeof pageTab === 'number' && pageTab >= 0 ? { tabId: pageTab } : {}) };
    }
    return { role: 'refused', reason: `extension page not allowed: ${path}` };
  }
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && tabId >= 0 && typeof sender.frameId === 'number' && isWebDocument(url, sender.origin)) {
    return {
      role: 'content-script',
      tabId,
      frameId: sender.frameId,
      frameUrl: url,
      ...(sender.tab?.url ? { tabUrl: sender.tab.url } : {}),
      // Copied as the browser gave them (typeof-checked): the release policy decides what they mean.
      ...(typeof sender.origin === 'string' ? { origin: sender.origin } : {}),
      ...(typeof sender.documentId === 'string' ? { documentId: sender.documentId } : {}),
      ...(typeof sender.documentLifecycle === 'string' ? { documentLifecycle: sender.documentLifecycle } : {}),
    };
  }
  return { role: 'refused', reason: 'not an extension page nor a content script in a web tab' };
}
