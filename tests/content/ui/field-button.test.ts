// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClickFacts, clickIsSafe, STABLE_MS } from '../../../src/content/ui/click-safety';
import { attachFieldButton } from '../../../src/content/ui/field-button';
import { spyOnShadowRoots } from '../shadow-spy';
import { asUser } from '../user-events';

const safeFacts: ClickFacts = {
  isTrusted: true,
  topmostIsHost: true,
  minOpacity: 1,
  hidden: false,
  movedDuringClick: false,
  msSinceMoved: 5000,
  msSinceShown: 5000,
};

describe('clickIsSafe', () => {
  it('accepts a trusted click on a visible, uncovered, still button', () => {
    expect(clickIsSafe(safeFacts)).toEqual({ safe: true });
  });
  const refusals: Array<[string, Partial<ClickFacts>, string]> = [
    ['untrusted (script) click', { isTrusted: false }, 'untrusted'],
    ['covered by another element', { topmostIsHost: false }, 'covered'],
    ['drawn over by a see-through overlay (occlusion check)', { occluded: true }, 'covered'],
    ['made see-through', { minOpacity: 0.99 }, 'transparent'],
    ['opacity zero', { minOpacity: 0 }, 'transparent'],
    ['opacity not a number', { minOpacity: Number.NaN }, 'transparent'],
    ['hidden', { hidden: true }, 'hidden'],
    ['moved between pointerdown and click', { movedDuringClick: true }, 'moved'],
    ['moved just before the click', { msSinceMoved: STABLE_MS - 1 }, 'moved'],
    ['shown just before the click', { msSinceShown: 100 }, 'moved'],
  ];
  for (const [name, change, reason] of refusals) {
    it(`refuses: ${name}`, () => {
      expect(clickIsSafe({ ...safeFacts, ...change })).toEqual({ safe: false, reason });
    });
  }
  it('accepts exactly at the stability limit', () => {
    expect(clickIsSafe({ ...safeFacts, msSinceMoved: STABLE_MS, msSinceShown: STABLE_MS }).safe).toBe(true);
  });
});

/** Chromium's IntersectionObserver v2, reduced to what the button reads: it reports `isVisible`. */
const installOcclusionApi = (visible: () => boolean) => {
  class Entry {}
  Object.defineProperty(Entry.prototype, 'isVisible', { get: visible });
  class Observer {
    constructor(private readonly callback: (entries: unknown[]) => void) {}
    observe() {
      this.callback([{ isVisible: visible() }]);
    }
    disconnect() {}
  }
  vi.stubGlobal('IntersectionObserverEntry', Entry);
  vi.stubGlobal('IntersectionObserver', Observer);
};

describe('attachFieldButton without occlusion data (Firefox)', () => {
  it('attaches no clickable UI at all', () => {
    vi.stubGlobal('IntersectionObserverEntry', class {});
    document.body.innerHTML = '<input id="otp" name="otp">';
    const input = document.getElementById('otp') as HTMLInputElement;
    expect(attachFieldButton(input, () => {})).toBeNull();
    expect(document.querySelector('otp-guard-fill')).toBeNull();
    vi.unstubAllGlobals();
  });
});

describe('attachFieldButton', () => {
  let roots: Map<Element, ShadowRoot>;
  let clock = 0;
  let visible = true;
  beforeEach(() => {
    visible = true;
    installOcclusionApi(() => visible);
    document.body.innerHTML = '<input id="otp" name="otp">';
    roots = spyOnShadowRoots();
    clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    delete (document as Partial<Document>).elementsFromPoint;
  });

  const setup = () => {
    const input = document.getElementById('otp') as HTMLInputElement;
    const onActivate = vi.fn();
    const handle = attachFieldButton(input, onActivate);
    if (!handle) throw new Error('no button although occlusion data is available');
    const host = document.querySelector('otp-guard-fill') as HTMLElement;
    const root = roots.get(host)!;
    return { onActivate, handle, host, root, button: root.querySelector('button')! };
  };

  it('puts the button in a closed shadow root on <html>', () => {
    const { host, handle } = setup();
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    handle.detach();
    expect(document.querySelector('otp-guard-fill')).toBeNull();
  });

  it('activates on a click when our host is topmost and the button has been still', () => {
    const { onActivate, handle, host, button } = setup();
    document.elementsFromPoint = () => [host];
    clock = 1000;
    button.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 })));
    expect(onActivate).toHaveBeenCalledTimes(1);
    handle.detach();
  });

  it('refuses and explains when something covers the button', () => {
    const { onActivate, handle, root, button } = setup();
    const overlay = document.createElement('div');
    document.body.append(overlay);
    document.elementsFromPoint = () => [overlay];
    clock = 1000;
    button.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    expect(onActivate).not.toHaveBeenCalled();
    expect(root.querySelector('p')!.textContent).toMatch(/covers this button/);
    handle.detach();
  });

  it('refuses a click right after the button appeared', () => {
    const { onActivate, handle, host, root, button } = setup();
    document.elementsFromPoint = () => [host];
    clock = 100;
    button.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    expect(onActivate).not.toHaveBeenCalled();
    expect(root.querySelector('p')!.textContent).toMatch(/just moved/);
    handle.detach();
  });

  it('refuses when the page makes <html> see-through', () => {
    const { onActivate, handle, host, root, button } = setup();
    document.elementsFromPoint = () => [host];
    document.documentElement.style.opacity = '0.1';
    clock = 1000;
    button.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    document.documentElement.style.opacity = '';
    expect(onActivate).not.toHaveBeenCalled();
    expect(root.querySelector('p')!.textContent).toMatch(/see-through/);
    handle.detach();
  });

  it('refuses when the field slid between pointerdown and click', () => {
    const { onActivate, handle, host, root, button } = setup();
    const input = document.getElementById('otp') as HTMLInputElement;
    document.elementsFromPoint = () => [host];
    clock = 1000;
    let left = 10;
    vi.spyOn(input, 'getBoundingClientRect').mockImplementation(
      () => ({ left, top: 10, right: left + 100, bottom: 40, width: 100, height: 30, x: left, y: 10 }) as DOMRect,
    );
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    left = 300;
    button.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    expect(onActivate).not.toHaveBeenCalled();
    expect(root.querySelector('p')!.textContent).toMatch(/just moved/);
    handle.detach();
  });

  it('refuses when the browser reports the button as occluded', () => {
    visible = false;
    const { onActivate, handle, host, root, button } = setup();
    document.elementsFromPoint = () => [host];
    clock = 1000;
    button.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    expect(onActivate).not.toHaveBeenCalled();
    expect(root.querySelector('p')!.textContent).toMatch(/covers this button/);
    handle.detach();
  });

  it('refuses when the API to check for covering elements is missing', () => {
    const { onActivate, handle, button } = setup();
    clock = 1000;
    button.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    expect(onActivate).not.toHaveBeenCalled();
    handle.detach();
  });
});
