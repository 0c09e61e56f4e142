import { describe, expect, it } from 'vitest';
import { type BrowserFrame, chainTo, MAX_CHAIN_DEPTH } from '../../../src/core/policy/frame-chain';

const frame = (frameId: number, parentFrameId: number, extra: Partial<BrowserFrame> = {}): BrowserFrame => ({
  frameId,
  parentFrameId,
  url: `https://f${frameId}.example/`,
  documentId: `d${frameId}`,
  ...(parentFrameId >= 0 ? { parentDocumentId: `d${parentFrameId}` } : {}),
  ...extra,
});

describe('chainTo (the browser’s frame tree, walked up from one frame)', () => {
  const frames = [frame(0, -1), frame(4, 0), frame(7, 4), frame(9, 0)];

  it('returns the frames from the top page down to the frame', () => {
    const chain = chainTo(frames, 7);
    expect(chain).toEqual({
      ok: true,
      value: [
        { frameId: 0, url: 'https://f0.example/', documentId: 'd0' },
        { frameId: 4, url: 'https://f4.example/', documentId: 'd4' },
        { frameId: 7, url: 'https://f7.example/', documentId: 'd7' },
      ],
    });
    expect(chainTo(frames, 0)).toMatchObject({ ok: true, value: [{ frameId: 0 }] });
  });

  it('keeps the lifecycle the browser gives', () => {
    const chain = chainTo([frame(0, -1, { documentLifecycle: 'active' })], 0);
    expect(chain).toMatchObject({ ok: true, value: [{ documentLifecycle: 'active' }] });
  });

  it('leaves out what the browser did not give, and compares parent documents only where both ids are given', () => {
    // Firefox gives no document ids: a child that names its parent's document, a parent that names none.
    const bare: BrowserFrame[] = [{ frameId: 0, parentFrameId: -1, url: 'https://f0.example/' }, frame(2, 0)];
    const chain = chainTo(bare, 2);
    expect(chain).toMatchObject({ ok: true, value: [{ frameId: 0 }, { frameId: 2, documentId: 'd2' }] });
    const [top] = chain.ok ? chain.value : [];
    expect(top).not.toHaveProperty('documentId');
    expect(top).not.toHaveProperty('documentLifecycle');
  });

  it('refuses a frame the tree does not have', () => {
    expect(chainTo(frames, 5)).toEqual({ ok: false, error: 'frame-not-found' });
  });

  it('refuses a missing parent', () => {
    expect(chainTo([frame(0, -1), frame(7, 4)], 7)).toEqual({ ok: false, error: 'parent-not-found' });
  });

  it('refuses a chain that ends at a frame other than the main frame', () => {
    expect(chainTo([frame(3, -1), frame(7, 3)], 7)).toEqual({ ok: false, error: 'parent-not-found' });
  });

  it('refuses loops and duplicate frame ids', () => {
    expect(chainTo([frame(0, -1), frame(1, 2), frame(2, 1)], 1)).toEqual({ ok: false, error: 'chain-loop' });
    expect(chainTo([frame(0, -1), frame(1, 0), frame(1, 0)], 1)).toEqual({ ok: false, error: 'chain-loop' });
  });

  it('refuses a frame whose parent document is not the one in the parent frame now', () => {
    expect(chainTo([frame(0, -1), frame(1, 0, { parentDocumentId: 'd-old' })], 1)).toEqual({ ok: false, error: 'parent-document-mismatch' });
  });

  it('refuses a chain deeper than any real page', () => {
    const deep = [frame(0, -1), ...Array.from({ length: MAX_CHAIN_DEPTH }, (_, i) => frame(i + 1, i))];
    expect(chainTo(deep, MAX_CHAIN_DEPTH)).toEqual({ ok: false, error: 'chain-too-deep' });
    expect(chainTo(deep, MAX_CHAIN_DEPTH - 1).ok).toBe(true);
  });

  it('walks a page with thousands of frames', () => {
    const many = [frame(0, -1), ...Array.from({ length: 5_000 }, (_, i) => frame(i + 1, 0))];
    expect(chainTo(many, 4_321)).toMatchObject({ ok: true, value: [{ frameId: 0 }, { frameId: 4_321 }] });
  });
});
