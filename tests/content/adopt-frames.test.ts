// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adoptUninitializedFrames } from '../../src/content/guard/adopt-frames';

/** An iframe whose document is in the given state (happy-dom's frames are never "uninitialized" by themselves). */
const frameWith = (readyState: string) => {
  const frame = document.createElement('iframe');
  const frameDoc = { readyState } as unknown as Document;
  Object.defineProperty(frame, 'contentDocument', { get: () => frameDoc });
  return { frame, frameDoc };
};
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('frames no content script of ours runs in (ESR 140: the initial about:blank)', () => {
  it('are adopted once each, also when nested in an added subtree; others are left to their own script', async () => {
    document.body.replaceChildren();
    const adopted: Document[] = [];
    adoptUninitializedFrames(document, (frameDoc) => adopted.push(frameDoc));
    const direct = frameWith('uninitialized');
    const nested = frameWith('uninitialized');
    const loaded = frameWith('complete');
    const wrapper = document.createElement('div');
    wrapper.append(nested.frame);
    document.body.append(direct.frame, wrapper, loaded.frame);
    await flush();
    expect(adopted).toEqual([direct.frameDoc, nested.frameDoc]);
    direct.frame.remove();
    document.body.append(direct.frame); // moved back in: still one guard
    await flush();
    expect(adopted).toHaveLength(2);
  });

  it('a cross-origin frame (its document throws) is not adopted', async () => {
    document.body.replaceChildren();
    const adopted: Document[] = [];
    adoptUninitializedFrames(document, (frameDoc) => adopted.push(frameDoc));
    const frame = document.createElement('iframe');
    Object.defineProperty(frame, 'contentDocument', { get: () => { throw new Error('SecurityError'); } });
    document.body.append(frame);
    await flush();
    expect(adopted).toEqual([]);
  });

  it('only frames the page writes itself: a frame on its way to a URL or with srcdoc is left to its own document', async () => {
    document.body.replaceChildren();
    const adopted: Document[] = [];
    adoptUninitializedFrames(document, (frameDoc) => adopted.push(frameDoc));
    const toUrl = frameWith('uninitialized');
    toUrl.frame.setAttribute('src', 'https://www.amazon.com/embed');
    const withSrcdoc = frameWith('uninitialized');
    withSrcdoc.frame.setAttribute('srcdoc', '<input>');
    const blank = frameWith('uninitialized');
    blank.frame.setAttribute('src', ' About:Blank ');
    document.body.append(toUrl.frame, withSrcdoc.frame, blank.frame);
    await flush();
    expect(adopted).toEqual([blank.frameDoc]);
  });
});
