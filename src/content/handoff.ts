/**
 * The two halves of the content script meet here. The base (loaded on every page, tiny) asks the
 * background what the page is and registers early capture hooks at document_start; the engine
 * (finder, filler, warnings: injected by the background only into frames that are verified or
 * lookalike) picks the base up from the isolated world's global scope, which pages cannot see.
 */
import type { BackgroundToContent, PageState } from '../messaging/protocol';
import type { CodeGuard } from './ui/code-guard';

export const BASE_KEY = Symbol.for('otp-guard.content-base');
export const ENGINE_KEY = Symbol.for('otp-guard.content-engine');

/** Event types the base hooks at document_start, before any page script can listen. */
export const EARLY_EVENT_TYPES = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'paste', 'drop', 'focusin'] as const;

export type EarlyListener = (event: Event) => void;

export interface ContentBase {
  /** The typed-code guard, running since document_start (the engine tells it about code fields). */
  guard: CodeGuard;
  /** Adds a listener that runs in the window's capture phase ahead of every page listener. */
  listenEarly(type: string, listener: EarlyListener): () => void;
  /** The page's state, as soon as the background has answered (null when it did not). */
  state(): Promise<PageState | null>;
  /** Called with every later state (after unlock, a new account, a trusted site). */
  onState(listener: (state: PageState) => void): void;
  /** Background messages for the engine; ones that came before it was there are replayed. */
  onMessage(listener: (message: BackgroundToContent) => void): void;
}

type Scope = { [BASE_KEY]?: ContentBase; [ENGINE_KEY]?: true };
export const isolatedScope = globalThis as unknown as Scope;
