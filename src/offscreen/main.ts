/**
 * Chrome's offscreen document (reason CLIPBOARD): the service worker has no DOM, so it asks this page to blank the
 * clipboard. It answers only the background's own message (no tab: a content script's would carry one) and does
 * nothing else; the background closes it when done.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { eraseClipboardIn } from '../adapters/clipboard-dom';
import { OFFSCREEN_ERASE } from '../messaging/offscreen';

interface EraseRequest {
  type: typeof OFFSCREEN_ERASE;
  code: string;
  canRead: boolean;
}

const isEraseRequest = (message: unknown): message is EraseRequest =>
  typeof message === 'object' &&
  message !== null &&
  (message as EraseRequest).type === OFFSCREEN_ERASE &&
  typeof (message as EraseRequest).code === 'string' &&
  typeof (message as EraseRequest).canRead === 'boolean';

// Returning undefined for anything else leaves other messages to their own listeners (there are none here).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isEraseRequest(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
  return Promise.resolve({ outcome: eraseClipboardIn(document, message.code, message.canRead) });
});
