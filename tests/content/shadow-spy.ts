import { vi } from 'vitest';

/**
 * Our UI uses closed shadow roots, which tests cannot reach through `host.shadowRoot`.
 * This records every root created so a test can look inside, like a user would see it.
 */
export const spyOnShadowRoots = (): Map<Element, ShadowRoot> => {
  const roots = new Map<Element, ShadowRoot>();
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.set(this, root);
    return root;
  });
  return roots;
};

/** Lets MutationObserver callbacks and other microtasks run. */
export const flushMicrotasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
