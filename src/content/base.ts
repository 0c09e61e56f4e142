/**
 * The part of the content script every page loads: it asks the background what this page is and
 * hooks key, input and paste events at document_start (so the engine's code guard runs before any
 * page script). Nothing else happens on a page that is neither verified nor a lookalike.
 */
import type { BackgroundToContent, PageState } from '../messaging/protocol';
import { type ContentBase, EARLY_EVENT_TYPES, type EarlyListener, isolatedScope, BASE_KEY } from './handoff';
import { ask, onBackgroundMessage } from './runtime';

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

  const hello = () => {
    current = ask<PageState>({ type: 'cs:hello' }).then((reply) => (reply?.ok ? reply.value : null));
    void current.then((state) => {
      if (state) for (const listener of stateListeners) listener(state);
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
