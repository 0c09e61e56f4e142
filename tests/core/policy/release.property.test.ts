/**
 * Properties of the release policy over generated frame chains. Each "refused" property has a
 * companion that shows the same generator's legit chains are released, so none of them holds vacuously.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainTo } from '../../../src/core/policy/frame-chain';
import { mayRelease } from '../../../src/core/policy/release';
import { chainContext, rules, top } from './release-fixtures';

const RUNS = { seed: 42, numRuns: 400 };

const path = fc.stringMatching(/^\/[a-z0-9/_-]{0,20}(\?[a-z]=[0-9]{1,4})?$/);
/** https pages of the account amazon-me (amazon.com and amazon.co.uk). */
const legitUrl = fc
  .tuple(fc.constantFrom('www.', 'smile.', 'm.', 'pay.', ''), fc.constantFrom('amazon.com', 'amazon.co.uk'), path)
  .map(([sub, domain, rest]) => `https://${sub}${domain}${rest}`);
const legitChain = fc.array(legitUrl, { minLength: 1, maxLength: 6 });

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?$/);
const tld = fc.constantFrom('com', 'net', 'shop', 'xyz', 'co.uk', 'de', 'example');
/** Every kind of frame that is not an https page of the account. */
const notLegitUrl = fc.oneof(
  fc.tuple(label, label, tld).map(([sub, name, suffix]) => `https://${sub}.${name}.${suffix}/otp`),
  legitUrl.map((url) => url.replace(/^https:/, 'http:')),
  fc.constantFrom(
    'about:blank',
    'about:srcdoc',
    'data:text/html,<input>',
    'blob:https://www.amazon.com/5d2b3c1e',
    'https://amaz0n-support.com/ap/mfa',
    'https://www.amazon.com.verify-id.shop/',
    'https://www.xn--mazon-3ve.com/',
    'https://d111111abcdef8.cloudfront.net/otp',
    'https://m.media-amazon.com/frame',
    'https://login.mybank.example/otp',
    'file:///etc/passwd',
    'chrome-extension://abcdefghijklmnop/page.html',
    'not a url',
  ),
);

describe('release policy over frame chains (properties)', () => {
  it('releases to any chain of the account’s own https frames (the baseline the others break)', () => {
    fc.assert(
      fc.property(legitChain, (urls) => {
        expect(mayRelease(rules, chainContext(urls), 'amazon-me', false)).toEqual({ allowed: true });
      }),
      RUNS,
    );
  });

  it('refuses any chain with one link that is not legit for the account, wherever it is', () => {
    fc.assert(
      fc.property(legitChain, notLegitUrl, fc.nat(), (urls, intruder, at) => {
        const position = at % (urls.length + 1);
        const chain = [...urls.slice(0, position), intruder, ...urls.slice(position)];
        expect(mayRelease(rules, chainContext(chain), 'amazon-me', false).allowed).toBe(false);
      }),
      RUNS,
    );
  });

  it('refuses any opaque or foreign origin of the requesting document, on any legit chain', () => {
    const badOrigin = fc.oneof(
      fc.constant('null'),
      fc.constant(''),
      legitUrl.map((url) => new URL(url).origin.replace('https:', 'http:')),
      fc.tuple(label, tld).map(([name, suffix]) => `https://${name}.${suffix}`),
    );
    fc.assert(
      fc.property(legitChain, badOrigin, (urls, origin) => {
        fc.pre(origin !== new URL(urls.at(-1)!).origin);
        expect(mayRelease(rules, chainContext(urls, { origin }), 'amazon-me', false).allowed).toBe(false);
      }),
      RUNS,
    );
  });

  it('refuses any chain with an http link, even on the account’s own domains', () => {
    fc.assert(
      fc.property(legitChain, fc.nat(), (urls, at) => {
        const position = at % urls.length;
        const chain = urls.map((url, index) => (index === position ? url.replace(/^https:/, 'http:') : url));
        expect(mayRelease(rules, chainContext(chain), 'amazon-me', false).allowed).toBe(false);
      }),
      RUNS,
    );
  });

  it('releases nothing to any page outside the account’s domains', () => {
    fc.assert(
      fc.property(label, label, tld, fc.boolean(), (sub, name, suffix, https) => {
        fc.pre(`${name}.${suffix}` !== 'mybank.example');
        const url = `${https ? 'https' : 'http'}://${sub}.${name}.${suffix}/otp`;
        expect(mayRelease(rules, top(url), 'bank', false).allowed).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('reading the chain from a frame tree (properties)', () => {
  /** A random tree: frame i > 0 hangs below some earlier frame. */
  const tree = fc.array(fc.nat(), { minLength: 0, maxLength: 40 }).map((parents) => [
    { frameId: 0, parentFrameId: -1, url: 'https://top.example/', documentId: 'd0' },
    ...parents.map((parent, index) => {
      const parentFrameId = parent % (index + 1);
      return { frameId: index + 1, parentFrameId, url: `https://f${index + 1}.example/`, documentId: `d${index + 1}`, parentDocumentId: `d${parentFrameId}` };
    }),
  ]);

  it('walks from any frame up to the top: each link is the parent of the next', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (frames, pick) => {
        const target = frames[pick % frames.length]!;
        const chain = chainTo(frames, target.frameId);
        if (!chain.ok) {
          // Only a chain deeper than the limit is refused in a well-formed tree.
          expect(chain.error).toBe('chain-too-deep');
          return;
        }
        expect(chain.value[0]?.frameId).toBe(0);
        expect(chain.value.at(-1)?.frameId).toBe(target.frameId);
        for (let i = 1; i < chain.value.length; i++) {
          const frame = frames.find((candidate) => candidate.frameId === chain.value[i]!.frameId)!;
          expect(frame.parentFrameId).toBe(chain.value[i - 1]!.frameId);
        }
      }),
      RUNS,
    );
  });

  it('refuses any tree where one frame’s parent is missing', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (frames, pick) => {
        fc.pre(frames.length > 1);
        const removed = 1 + (pick % (frames.length - 1));
        const below = frames.filter((frame) => frame.parentFrameId === removed);
        fc.pre(below.length > 0);
        const broken = frames.filter((frame) => frame.frameId !== removed);
        expect(chainTo(broken, below[0]!.frameId).ok).toBe(false);
      }),
      RUNS,
    );
  });
});
