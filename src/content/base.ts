/**
 * The part of the content script every page loads: it asks the background what this page is and
 * hooks key, input and paste events at document_start (so the engine's code guard runs before any
 * page script). Nothing else happens on a page that is neither verified nor a lookalike.
 */
import type { BackgroundToContent, PageState } from '../messaging/protocol';
import { type ContentBase, EARLY_EVENT_TYPES, type EarlyListener, isolatedScope, BASE_KEY } from './handoff';
import { ask, onBackgroundMessage } from './runtime';
import { showLookalikeBanner } from './ui/banner';

export function startBase(view: Window = window): void {
  if (isolatedScope[BASE_KEY]) return;
  const early = new Map<string, Set<EarlyListener>>();
  for (const type of EARLY_EVENT_TYPES) {
    view.addEventListener(
      type,
      (event) => {
        for (const listener of early.get(type) ?? []) listener(event);
      },
      true,
    );
  }

  let current: Promise<PageState | null> = Promise.resolve(null);
  const stateListeners = new Set<(state: PageState) => void>();
  const messageListeners = new Set<(message: BackgroundToContent) => void>();
  const waitingMessages: BackgroundToContent[] = [];

  // The lookalike banner is the base's job, so it shows as soon as the background has answered,
  // without waiting for the engine to be injected.
  const isTop = view.top === view;
  let banner: { remove(): void } | null = null;
  const showWarning = (state: PageState) => {
    if (!isTop) return;
    if (state.warning && !banner) {
      banner = showLookalikeBanner(view.document, {
        ...state.warning,
        // Trusting a site is decided in the popup, where the page cannot reach.
        onTrust: () => void ask({ type: 'cs:open-popup' }),
      });
    } else if (!state.warning && banner) {
      banner.remove();
      banner = null;
    }
  };

  const hello = () => {
    current = ask({ type: 'cs:hello' }).then((reply) => (reply?.ok ? reply.value : null));
    void current.then((state) => {
      if (!state) return;
      showWarning(state);
      for (const listener of stateListeners) listener(state);
    });
  };

  const base: ContentBase = {
    listenEarly(type, listener) {
      const set = early.get(type) ?? new Set();
      early.set(type, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    state: () => current,
    onState: (listener) => void stateListeners.add(listener),
    onMessage(listener) {
      messageListeners.add(listener);
      for (const message of waitingMessages.splice(0)) listener(message);
    },
  };
  isolatedScope[BASE_KEY] = base;

  onBackgroundMessage((message) => {
    if (message.type === 'bg:recheck') return hello();
    if (messageListeners.size === 0) waitingMessages.push(message);
    for (const listener of messageListeners) listener(message);
  });
  hello();
}
