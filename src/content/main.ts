/**
 * The content script: a sensor and a display. It asks the background what this page is and shows
 * what it is told; it never decides whether a page is legit.
 */
import browser from 'webextension-polyfill';
import type { CsMessage, PageState, Reply } from '../messaging/protocol';

async function ask<T>(message: CsMessage): Promise<T | null> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
    return reply?.ok ? reply.value : null;
  } catch {
    return null; // the extension was reloaded or the worker is starting: stay quiet
  }
}

export async function startContentScript(): Promise<void> {
  const state = await ask<PageState>({ type: 'cs:hello' });
  if (!state) return;
}
