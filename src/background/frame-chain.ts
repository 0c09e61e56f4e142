/**
 * Reads a frame's chain (top page first, the frame last) from the browser's own frame tree:
 * webNavigation.getAllFrames, passed in. The walk itself is pure (src/core/policy/frame-chain.ts).
 * Every failure — no API, an error, no answer, an odd entry — is a refusal, never a guess.
 */
import { type BrowserFrame, chainTo } from '../core/policy/frame-chain';
import type { FrameContext } from '../core/policy/release';
import { err } from '../core/result';

/** The part of webNavigation this needs (Chromium and Firefox both have it). */
export interface FrameTreeSource {
  getAllFrames(details: { tabId: number }): Promise<unknown>;
}

export type FrameChainReader = (tabId: number, frameId: number) => Promise<FrameContext['chain']>;

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Keeps only well-formed entries' known fields; a malformed entry makes the whole reading unusable. */
function asBrowserFrame(entry: unknown): BrowserFrame | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const item = entry as Record<string, unknown>;
  if (!Number.isInteger(item.frameId) || !Number.isInteger(item.parentFrameId) || typeof item.url !== 'string') return null;
  const documentId = optionalString(item.documentId);
  const parentDocumentId = optionalString(item.parentDocumentId);
  const documentLifecycle = optionalString(item.documentLifecycle);
  return {
    frameId: item.frameId as number,
    parentFrameId: item.parentFrameId as number,
    url: item.url,
    ...(documentId !== undefined ? { documentId } : {}),
    ...(parentDocumentId !== undefined ? { parentDocumentId } : {}),
    ...(documentLifecycle !== undefined ? { documentLifecycle } : {}),
  };
}

export function createFrameChainReader(source: FrameTreeSource | undefined): FrameChainReader {
  return async (tabId, frameId) => {
    if (!source) return err('unreadable');
    let answer: unknown;
    try {
      answer = await source.getAllFrames({ tabId });
    } catch {
      return err('unreadable');
    }
    if (!Array.isArray(answer)) return err('unreadable');
    const frames: BrowserFrame[] = [];
    for (const entry of answer) {
      const frame = asBrowserFrame(entry);
      if (!frame) return err('unreadable');
      frames.push(frame);
    }
    return chainTo(frames, frameId);
  };
}
