/**
 * Where the clipboard gets blanked. Chrome's service worker has no DOM: it opens an offscreen document (reason
 * CLIPBOARD) for the moment it takes. Firefox's background page has a DOM and does it itself.
 */
import type Browser from 'webextension-polyfill';
import { eraseClipboardIn } from '../adapters/clipboard-dom';
import { OFFSCREEN_ERASE, OFFSCREEN_PAGE } from '../messaging/offscreen';
import type { ClipboardEraser, EraseOutcome } from './clipboard-clear';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

const OUTCOMES: EraseOutcome[] = ['cleared', 'changed', 'failed'];

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

async function eraseOffscreen(browser: Browser.Browser, offscreen: OffscreenApi, code: string, canRead: boolean): Promise<EraseOutcome> {
  if (!(await offscreen.hasDocument?.().catch(() => false))) {
    await offscreen.createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied one-time code from the clipboard after the time set by the user.',
    });
  }
  try {
    const reply = (await browser.runtime.sendMessage({ type: OFFSCREEN_ERASE, code, canRead })) as { outcome?: unknown } | undefined;
    return OUTCOMES.find((outcome) => outcome === reply?.outcome) ?? 'failed';
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
  }
}

export function createClipboardEraser(browser: Browser.Browser): ClipboardEraser {
  return {
    async erase(code) {
      try {
        const canRead = await browser.permissions.contains({ permissions: ['clipboardRead'] }).catch(() => false);
        const offscreen = offscreenApi();
        if (offscreen) return await eraseOffscreen(browser, offscreen, code, canRead);
        if (typeof document !== 'undefined') return eraseClipboardIn(document, code, canRead);
        return 'failed';
      } catch {
        return 'failed';
      }
    },
  };
}
