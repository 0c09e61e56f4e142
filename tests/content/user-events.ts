/**
 * happy-dom has no `isTrusted`; a browser sets it to true only on the user's own clicks and keys, and the
 * content script accepts nothing else. These tests stand in for the user, so they mark their events so.
 */
export function asUser<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A click as the user makes it (what `element.click()` would be, but trusted). */
export function userClick(element: Element, init: MouseEventInit = {}): boolean {
  return element.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ...init })));
}
