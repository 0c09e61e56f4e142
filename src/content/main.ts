/**
 * The content script: a sensor and a display. It asks the background what this page is and shows
 * what it is told; it never decides whether a page is legit.
 */
import type { PageState } from '../messaging/protocol';
import { ask } from './runtime';

export async function startContentScript(): Promise<void> {
  const reply = await ask<PageState>({ type: 'cs:hello' });
  if (!reply?.ok) return;
}
