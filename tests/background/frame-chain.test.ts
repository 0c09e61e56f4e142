import { describe, expect, it } from 'vitest';
import { createFrameChainReader } from '../../src/background/frame-chain';

const tree = [
  { frameId: 0, parentFrameId: -1, url: 'https://www.amazon.com/', documentId: 'A', documentLifecycle: 'active', processId: 4, frameType: 'outermost_frame' },
  { frameId: 12, parentFrameId: 0, url: 'https://widgets.example-cdn.net/', documentId: 'B', parentDocumentId: 'A' },
  { frameId: 31, parentFrameId: 12, url: 'https://www.amazon.com/ap/mfa', documentId: 'C', parentDocumentId: 'B' },
];

describe('reading the frame chain from the browser (webNavigation.getAllFrames)', () => {
  it('asks for the tab’s frames and returns the chain top-down, known fields only', async () => {
    const asked: unknown[] = [];
    const read = createFrameChainReader({
      getAllFrames: async (details) => {
        asked.push(details);
        return tree;
      },
    });
    expect(await read(7, 31)).toEqual({
      ok: true,
      value: [
        { frameId: 0, url: 'https://www.amazon.com/', documentId: 'A', documentLifecycle: 'active' },
        { frameId: 12, url: 'https://widgets.example-cdn.net/', documentId: 'B' },
        { frameId: 31, url: 'https://www.amazon.com/ap/mfa', documentId: 'C' },
      ],
    });
    expect(asked).toEqual([{ tabId: 7 }]);
  });

  it.each([
    ['no webNavigation (permission missing)', undefined],
    ['an error', { getAllFrames: async () => Promise.reject(new Error('No tab with id: 7')) }],
    ['a throw', { getAllFrames: () => { throw new Error('boom'); } }],
    ['no answer (null)', { getAllFrames: async () => null }],
    ['not a list', { getAllFrames: async () => ({ frames: tree }) }],
    ['a malformed entry', { getAllFrames: async () => [...tree, { frameId: '3', parentFrameId: 0, url: 'https://x/' }] }],
    ['an entry without a url', { getAllFrames: async () => [tree[0], { frameId: 3, parentFrameId: 0 }] }],
    ['a null entry', { getAllFrames: async () => [tree[0], null] }],
  ])('refuses on %s', async (_name, source) => {
    const read = createFrameChainReader(source as Parameters<typeof createFrameChainReader>[0]);
    expect(await read(7, 0)).toEqual({ ok: false, error: 'unreadable' });
  });

  it('refuses a frame the tree no longer has', async () => {
    const read = createFrameChainReader({ getAllFrames: async () => tree });
    expect(await read(7, 99)).toEqual({ ok: false, error: 'frame-not-found' });
  });
});
