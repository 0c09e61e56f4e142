/**
 * The part of the content script every page loads (every frame, also same-origin about:blank and
 * srcdoc frames): it asks the background what the page is, shows the lookalike banner, and runs the
 * typed-code guard from document_start — before any page script, and before the background has
 * answered (until then digit runs are held; on a page that is fine they go in as soon as it answers).
 */
import type { BackgroundToContent, PageState } from '../messaging/protocol';
import { BASE_KEY, type ContentBase, EARLY_EVENT_TYPES, type EarlyListener, isolatedScope } from './handoff';
import { ask, onBackgroundMessage } from './runtime';
import { adoptUninitializedFrames } from './guard/adopt-frames';
import { claimBoundPaste } from './paste/bound-paste';
import { reportError, safely } from './safety';
import { showLookalikeBanner } from './ui/banner';
import { words } from './ui/words';
import { type CodeGuard, GUARD_EVENT_TYPES, type GuardMode, guardTypedCodes } from './ui/code-guard';

/** Waits before asking again when the background did not answer (its worker may be starting). */
const HELLO_RETRIES_MS = [250, 1000, 3000];
/** Longest wait for the background's answer to one hello. */
const HELLO_TIMEOUT_MS = 5_000;
/** Frames climbed to find the top-most same-origin document (for the question about a held code). */
const MAX_FRAME_DEPTH = 32;
/** Said in a frame whose page cannot be asked about (an opaque-origin frame with no verdict of its own). */

type Scoped = { [BASE_KEY]?: ContentBase };

/** The base of the same-origin document that made this one (parent frame, or opener of a popup), if reachable. */
const creatorBase = (view: Window): ContentBase | 'unreachable' => {
  try {
    const creator = view.parent !== view ? view.parent : (view.opener as Window | null);
    const base = creator ? (creator as unknown as Scoped)[BASE_KEY] : undefined;
    return base ?? 'unreachable';
  } catch {
    return 'unreachable'; // cross-origin or opaque: its globals are out of reach
  }
};

/** The top-most same-origin document: a question asked inside a tiny frame could go unseen. */
const promptDocumentOf = (view: Window) => (): Document => {
  let current = view;
  for (let depth = 0; depth < MAX_FRAME_DEPTH && current.parent !== current; depth++) {
    try {
      if (!current.parent.document) break;
      current = current.parent;
    } catch {
      break;
    }
  }
  return current.document;
};

/**
 * The guard, or — should setting it up ever throw — a blunt stand-in that keeps every digit-bearing
 * event from the page while the page may be a lookalike (fail closed: nothing is asked, nothing released).
 */
const startGuard = (view: Window): CodeGuard => {
  try {
    return guardTypedCodes(view.document, { promptDocument: promptDocumentOf(view), claimPaste: claimBoundPaste });
  } catch (error) {
    reportError('typed-code guard setup', error);
    let mode: GuardMode = 'pending';
    const carriesDigits = (event: Event) => {
      const e = event as KeyboardEvent & InputEvent & ClipboardEvent & DragEvent;
      const transfer = e.clipboardData ?? e.dataTransfer;
      return /\d/.test(`${e.key ?? ''}${e.data ?? ''}${transfer?.getData('text/plain') ?? ''}`);
    };
    for (const type of GUARD_EVENT_TYPES) {
      view.addEventListener(
        type,
        (event) => {
          if (mode !== 'off' && event.isTrusted && carriesDigits(event)) {
            event.preventDefault();
            event.stopImmediatePropagation();
          }
        },
        true,
      );
    }
    return {
      setMode(next) {
        mode = next;
      },
      mode: () => mode,
      setCandidateFor() {},
      markField() {},
      stop() {},
    };
  }
};

export function startBase(view: Window = window): void {
  if (isolatedScope[BASE_KEY]) return;
  // First, before anything that could fail: the guard's listeners, ahead of every page script.
  const guard = startGuard(view);
  const early = new Map<string, Set<EarlyListener>>();
  for (const type of EARLY_EVENT_TYPES) {
    view.addEventListener(
      type,
      (event) => {
        for (const listener of early.get(type) ?? []) safely(`early ${type} listener`, listener)(event);
      },
      true,
    );
  }

  let current: Promise<PageState | null> = Promise.resolve(null);
  const stateListeners = new Set<(state: PageState) => void>();
  adoptUninitializedFrames(
    view.document,
    safely('adopting a frame', (frameDoc: Document) => {
      // The frame's guard follows this document's verdict, as a frame whose creator is in reach does.
      const frameGuard = guardTypedCodes(frameDoc, { promptDocument: promptDocumentOf(view), claimPaste: claimBoundPaste });
      const follow = (state: PageState | null) =>
        frameGuard.setMode(state ? (state.warning ? 'guard' : 'off') : guard.mode(), state?.warning?.headline ?? '');
      void current.then(safely('adopted frame state', follow));
      stateListeners.add(follow);
    }),
  );
  const messageListeners = new Set<(message: BackgroundToContent) => void>();
  const waitingMessages: BackgroundToContent[] = [];

  // The lookalike banner is the base's job, so it shows as soon as the background has answered,
  // without waiting for the engine to be injected.
  const isTop = view.top === view;
  let banner: { remove(): void } | null = null;
  const showWarning = (state: PageState) => {
    if (!isTop) return;
    if (state.warning && state.warning.banner !== false && !banner) {
      banner = showLookalikeBanner(view.document, {
        ...state.warning,
        // Trusting a site is decided in the popup, where the page cannot reach.
        onTrust: () => void ask({ type: 'cs:open-popup' }),
      });
    } else if ((!state.warning || state.warning.banner === false) && banner) {
      banner.remove();
      banner = null;
    }
  };

  const apply = safely(
    'page state',
    (state: PageState) => {
      guard.setMode(state.warning ? 'guard' : 'off', state.warning?.headline ?? '');
      showWarning(state);
      for (const listener of stateListeners) safely('state listener', listener)(state);
    },
    // Fail closed: when applying a lookalike verdict throws, the guard still holds.
    (state) => {
      if (state.warning) guard.setMode('guard', state.warning.headline);
    },
  );

  /**
   * `refused`: what a refusal or no answer at all means. On a web page the page is then not called a
   * lookalike, so what was held before the answer goes in; a written document whose creator is out of
   * reach stays held (fail closed).
   */
  let refused = () => guard.setMode('off');
  const hello = (attempt = 0) => {
    // An answer that never comes counts as none (then retried): digits are not held forever on a fine page.
    const asked = Promise.race([
      ask({ type: 'cs:hello' }),
      new Promise<null>((resolve) => view.setTimeout(() => resolve(null), HELLO_TIMEOUT_MS)),
    ]);
    current = asked.then((reply) => (reply?.ok ? reply.value : null));
    void asked.then(
      safely('hello', (reply: Awaited<typeof asked>) => {
        if (reply?.ok) return apply(reply.value);
        const wait = HELLO_RETRIES_MS[attempt];
        if (reply === null && wait !== undefined) {
          view.setTimeout(safely('hello (retry)', () => hello(attempt + 1)), wait);
          return;
        }
        reportError('hello', new Error(reply ? reply.error.message : 'the background did not answer'));
        refused();
      }),
    );
  };

  const base: ContentBase = {
    guard,
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
      for (const message of waitingMessages.splice(0)) safely('engine message', listener)(message);
    },
  };
  isolatedScope[BASE_KEY] = base;

  onBackgroundMessage(
    safely('background message', (message: BackgroundToContent) => {
      if (message.type === 'bg:recheck') return hello();
      if (messageListeners.size === 0) waitingMessages.push(message);
      for (const listener of messageListeners) safely('engine message', listener)(message);
    }),
  );

  if (/^https?:$/.test(view.location.protocol)) {
    hello();
    return;
  }
  // about:blank, about:srcdoc, blob: — the background judges web URLs only: such a frame takes the
  // verdict of the same-origin document that made it. None reachable (opaque origin): held, fail closed.
  const creator = creatorBase(view);
  if (creator === 'unreachable') {
    // Firefox keeps each frame's content script in its own sandbox, so the creator's base is out of reach
    // even for a same-origin about:blank: the background judges the document by the browser's sender
    // data (the creator's origin, the tab's page). Until it answers, digits are held; refused (an opaque
    // origin) or no answer: held and asked about, fail closed.
    refused = () => guard.setMode('guard', words().t('frame_unknown_headline'));
    hello();
    return;
  }
  current = creator.state();
  void current.then((state) => {
    if (state) apply(state);
    else guard.setMode('off');
  });
  creator.onState(apply);
}
