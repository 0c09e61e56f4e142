/**
 * The content script's only door to the extension: two calls, no polyfill (it would triple the
 * script's size). Firefox has `browser` with promises; Chromium's MV3 `chrome.runtime` returns
 * promises too.
 */
import type { BackgroundToContent, CsMessage, CsReplies, Reply } from '../messaging/protocol';

interface RuntimeLike {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: { id?: string; tab?: unknown }) => void): void;
  };
}

const api = (globalThis as unknown as { browser?: { runtime: RuntimeLike }; chrome?: { runtime: RuntimeLike } });
const runtime: RuntimeLike | undefined = (api.browser ?? api.chrome)?.runtime;

/** What the background answers to a message of this type (the protocol's reply map). */
export type CsReply<M extends CsMessage> = Reply<CsReplies[M['type']]>;

/** Asks the background; null when it refused or is unreachable (the page then stays as it is). */
export async function ask<M extends CsMessage>(message: M): Promise<CsReply<M> | null> {
  if (!runtime) return null;
  try {
    return ((await runtime.sendMessage(message)) as CsReply<M> | undefined) ?? null;
  } catch {
    return null; // the extension was reloaded or its worker is starting
  }
}

/** Messages from our own background only: a sender with a tab is a content script, not the background. */
export function onBackgroundMessage(listener: (message: BackgroundToContent) => void): void {
  runtime?.onMessage.addListener((message, sender) => {
    if (!runtime || sender.id !== runtime.id || sender.tab) return;
    if (typeof message === 'object' && message && typeof (message as { type?: unknown }).type === 'string') {
      listener(message as BackgroundToContent);
    }
  });
}
