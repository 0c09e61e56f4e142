/**
 * Where typed text goes, seen from the window's capture phase in the isolated world: the real target
 * even inside closed shadow roots (the browser lets content scripts open them), whether it takes text,
 * and how text is put in or taken back out of it.
 */
import { isInputElement } from '../../core/fill/dom-read';

/** Shadow roots crossed to find the focused element: a page can nest them without end. */
const MAX_SHADOW_DEPTH = 64;

/** Input types that never take typed text. */
const NON_TEXT_TYPES = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'color', 'range', 'hidden']);

type ShadowOpener = (element: Element) => ShadowRoot | null;

/** Chromium: chrome.dom.openOrClosedShadowRoot; Firefox: element.openOrClosedShadowRoot (content scripts only). */
const openShadow: ShadowOpener = (() => {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: ShadowOpener } } }).chrome?.dom;
  if (typeof dom?.openOrClosedShadowRoot === 'function') return (element) => dom.openOrClosedShadowRoot?.(element) ?? null;
  return (element) => {
    const firefox = (element as Element & { openOrClosedShadowRoot?: () => ShadowRoot | null }).openOrClosedShadowRoot;
    return typeof firefox === 'function' ? firefox.call(element) : element.shadowRoot;
  };
})();

export interface ResolvedTarget {
  element: Element | null;
  /** The walk into shadow roots stopped at its ceiling: the real target is unknown. */
  unknown: boolean;
}

/**
 * The element an event really targets. From the window, a path into a closed shadow root ends at its
 * host; the host's root (opened with the content-script API) tells which element inside has the focus.
 * An explicit loop with a depth ceiling, never recursion.
 */
export const resolveTarget = (event: Event): ResolvedTarget => {
  const first = (event.composedPath()[0] ?? event.target) as unknown;
  let element: Element | null = null;
  if (first && typeof (first as Partial<Element>).localName === 'string') element = first as Element;
  else if (first) {
    // A window or document target: the focused element is what keys go to.
    const doc = (first as { document?: Document }).document ?? (first as Document);
    element = doc.activeElement ?? null;
  }
  for (let depth = 0; element; depth++) {
    if (depth >= MAX_SHADOW_DEPTH) return { element, unknown: true };
    const root = openShadow(element);
    const inner = root?.activeElement ?? null;
    if (!inner || inner === element) break;
    element = inner;
  }
  return { element, unknown: false };
};

export const isTextField = (element: Element | null): element is HTMLInputElement | HTMLTextAreaElement => {
  if (!element) return false;
  if (element.localName === 'textarea') return true;
  return isInputElement(element) && !NON_TEXT_TYPES.has((element.getAttribute('type') ?? '').trim().toLowerCase());
};

/** Takes typed text: a text-like input, a textarea, or anything contenteditable. */
export const isEditable = (element: Element | null): boolean =>
  isTextField(element) || (element as HTMLElement | null)?.isContentEditable === true;

const focusedIn = (element: Element): boolean => {
  const root = element.getRootNode() as Partial<DocumentOrShadowRoot>;
  return root.activeElement === element || (element as HTMLElement).isContentEditable === true;
};

const nativeValueSetter = (field: HTMLInputElement | HTMLTextAreaElement) => {
  const view = field.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const proto = field.localName === 'textarea' ? view?.HTMLTextAreaElement.prototype : view?.HTMLInputElement.prototype;
  return proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
};

const selectionStart = (field: HTMLInputElement | HTMLTextAreaElement): number | null => {
  try {
    return field.selectionStart;
  } catch {
    return null; // type=number, email: no selection API
  }
};

/**
 * Puts text where the user typed it, as typing would: `insertText` on the focused element (the browser
 * fires its own beforeinput/input, keeps undo), else through the native value setter plus an input event.
 */
export const insertText = (target: Element, text: string): boolean => {
  const doc = target.ownerDocument;
  if (isEditable(target) && focusedIn(target) && doc.execCommand?.('insertText', false, text)) return true;
  if (!isTextField(target)) return false;
  const setter = nativeValueSetter(target);
  const at = selectionStart(target) ?? target.value.length;
  const next = target.value.slice(0, at) + text + target.value.slice(at);
  if (setter) setter.call(target, next);
  else target.value = next;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view) target.dispatchEvent(new view.InputEvent('input', { data: text, inputType: 'insertText', bubbles: true, composed: true }));
  return true;
};

/**
 * Takes back text that reached a field although its event was held (IME composition cannot be
 * cancelled): the `data` just before the caret, in a text field or in the text node of a contenteditable.
 */
export const takeBack = (target: Element, data: string): boolean => {
  if (data === '') return false;
  if (isTextField(target)) {
    const end = selectionStart(target) ?? target.value.length;
    const start = end - data.length;
    if (start < 0 || target.value.slice(start, end) !== data) {
      // Not where expected: remove every digit rather than leave any in the page.
      const setter = nativeValueSetter(target);
      const cleaned = target.value.replace(/\d/g, '');
      if (setter) setter.call(target, cleaned);
      return true;
    }
    const setter = nativeValueSetter(target);
    const next = target.value.slice(0, start) + target.value.slice(end);
    if (setter) setter.call(target, next);
    try {
      target.setSelectionRange(start, start);
    } catch {
      // no selection API for this input type
    }
    return true;
  }
  const selection = target.ownerDocument.getSelection();
  const node = selection?.anchorNode;
  if (!selection || node?.nodeType !== 3) return false;
  const text = node as Text;
  const end = selection.anchorOffset;
  const start = end - data.length;
  if (start >= 0 && text.data.slice(start, end) === data) text.deleteData(start, data.length);
  else text.data = text.data.replace(/\d/g, '');
  return true;
};
