// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { walkInputsByTree } from '../../../src/core/fill/dom-read';
import { findOtpFields, scoreFocused } from '../../../src/core/fill/finder';

const OTP_FIELD = '<label for="otp">Verification code</label><input id="otp" name="otpCode" autocomplete="one-time-code">';

/**
 * `depth` open shadow roots, each nested in the previous one, with an input at the bottom, under `parent`
 * (a detached element for deep chains: happy-dom's own connect/disconnect steps recurse over them).
 */
const nestShadowRoots = (depth: number, parent: Element = document.body): HTMLInputElement => {
  let host = document.createElement('div');
  parent.append(host);
  for (let i = 0; i < depth; i++) {
    const inner = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(inner);
    host = inner;
  }
  const input = document.createElement('input');
  host.append(input);
  return input;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('walks over page-shaped trees are iterative and bounded', () => {
  it('a chain of 5,000 nested shadow roots neither overflows the stack nor is walked past the ceiling', () => {
    const root = document.createElement('div');
    nestShadowRoots(5_000, root);
    const walk = walkInputsByTree(root, { maxElements: 100_000, maxInputs: 100, maxTrees: 300 });
    expect(walk.trees.length).toBe(300);
    expect(walk.truncated).toBe(true);
  });

  it('the finder gets through such a chain and says the scan was truncated', () => {
    const root = document.createElement('form');
    root.innerHTML = OTP_FIELD;
    nestShadowRoots(5_000, root);
    // Detached (see nestShadowRoots): nothing is usable, but the walk must end, bounded, without throwing.
    const result = findOtpFields(root);
    expect(result.truncated).toBe(true);
  });

  it('a walk within the limits is complete, and says so', () => {
    document.body.innerHTML = OTP_FIELD;
    const input = nestShadowRoots(3);
    const walk = walkInputsByTree(document);
    expect(walk.truncated).toBe(false);
    expect(walk.trees.flat()).toContain(input);
  });

  it('stops at the element ceiling', () => {
    document.body.innerHTML = '<div></div>'.repeat(500) + OTP_FIELD;
    const walk = walkInputsByTree(document, { maxElements: 100, maxInputs: 100, maxTrees: 10 });
    expect(walk.truncated).toBe(true);
    expect(walk.trees.flat()).toEqual([]);
  });
});

describe('a page with many inputs', () => {
  it('scores at most maxScored inputs and says the scan was truncated', () => {
    document.body.innerHTML = '<input name="f">'.repeat(400) + OTP_FIELD;
    const result = findOtpFields(document, { maxElements: 10_000, maxInputs: 10_000, maxTrees: 10, maxScored: 50 });
    expect(result.candidates.length).toBeLessThanOrEqual(50);
    expect(result.truncated).toBe(true);
  });

  it('a field the scan did not reach is still scored when focused', () => {
    document.body.innerHTML = '<input name="f">'.repeat(400) + OTP_FIELD;
    const focused = scoreFocused(document.getElementById('otp') as HTMLInputElement);
    expect(focused?.score).toBeGreaterThanOrEqual(40);
  });
});
