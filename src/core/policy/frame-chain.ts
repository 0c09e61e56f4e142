/**
 * The chain of frames from a tab's top page down to one frame, built from the browser's own frame
 * tree (webNavigation), never from anything a page or a message says. Pure: the shell reads the
 * frames and passes them in. Anything odd about the tree (a missing parent, a loop, a depth beyond
 * any real page, a parent document that does not match) is a refusal: fail closed.
 */
import { err, ok, type Result } from '../result';

/** One frame as the browser's frame tree describes it (webNavigation.getAllFrames). */
export interface BrowserFrame {
  frameId: number;
  parentFrameId: number;
  url: string;
  /** Chromium (and recent Firefox): the document now in the frame. */
  documentId?: string;
  /** The document that owns this frame's <iframe> element. */
  parentDocumentId?: string;
  /** Chromium: 'active', 'prerender', 'cached' (back/forward cache) or 'pending_deletion'. */
  documentLifecycle?: string;
}

/** One link of the chain: top page first, the requesting frame last. */
export interface ChainLink {
  frameId: number;
  url: string;
  documentId?: string;
  documentLifecycle?: string;
}

export type ChainError = 'frame-not-found' | 'parent-not-found' | 'chain-loop' | 'chain-too-deep' | 'parent-document-mismatch';

/** Deeper than any real sign-in page nests frames; a longer chain is refused rather than walked. */
export const MAX_CHAIN_DEPTH = 32;

/** Walks parentFrameId from `frameId` up to the top frame (id 0, no parent) and returns the chain top-down. */
export function chainTo(frames: readonly BrowserFrame[], frameId: number): Result<ChainLink[], ChainError> {
  const byId = new Map<number, BrowserFrame>();
  for (const frame of frames) {
    // Two entries for one id: the tree is not one consistent snapshot.
    if (byId.has(frame.frameId)) return err('chain-loop');
    byId.set(frame.frameId, frame);
  }
  const upward: BrowserFrame[] = [];
  let current = byId.get(frameId);
  if (!current) return err('frame-not-found');
  const seen = new Set<number>();
  for (;;) {
    if (seen.has(current.frameId)) return err('chain-loop');
    seen.add(current.frameId);
    upward.push(current);
    if (upward.length > MAX_CHAIN_DEPTH) return err('chain-too-deep');
    if (current.parentFrameId < 0) break;
    const parent = byId.get(current.parentFrameId);
    if (!parent) return err('parent-not-found');
    if (current.parentDocumentId !== undefined && parent.documentId !== undefined && current.parentDocumentId !== parent.documentId) {
      return err('parent-document-mismatch');
    }
    current = parent;
  }
  // Only the tab's main frame (id 0) has no parent: a chain ending anywhere else is not this tab's page.
  if (current.frameId !== 0) return err('parent-not-found');
  return ok(upward.reverse().map(toLink));
}

function toLink(frame: BrowserFrame): ChainLink {
  return {
    frameId: frame.frameId,
    url: frame.url,
    ...(frame.documentId !== undefined ? { documentId: frame.documentId } : {}),
    ...(frame.documentLifecycle !== undefined ? { documentLifecycle: frame.documentLifecycle } : {}),
  };
}
