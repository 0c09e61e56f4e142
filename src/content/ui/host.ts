/**
 * A page-proof container for OTP Guard's in-page UI: a host element on <html> (present even at
 * document_start) with a CLOSED shadow root, so page scripts cannot reach the content, and `:host` rules
 * marked !important, which beat the page's own !important rules aimed at the host.
 * The host re-attaches itself when a page script removes it and restores its attributes when changed.
 */
import { safely } from '../safety';

export interface UiHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** Places the host (position: fixed) at viewport coordinates. */
  place(left: number, top: number): void;
  remove(): void;
}

/** Moves back to the end of <html> a host performs at most: stops a ping-pong with another extension doing the same. */
const MAX_REORDERS = 100;

const BASE_CSS =
  ':host{all:initial!important;position:fixed!important;z-index:2147483647!important;display:block!important;' +
  'visibility:visible!important;opacity:1!important;left:var(--og-left,0)!important;top:var(--og-top,0)!important;' +
  'transform:none!important;filter:none!important;clip-path:none!important;pointer-events:auto!important}' +
  '*{box-sizing:border-box;font:13px/1.4 system-ui,sans-serif}';

export const createUiHost = (doc: Document, tag: string, css: string): UiHost => {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = BASE_CSS + css;
  root.append(style);
  let expectedStyle = '';
  let reorders = 0;
  let removed = false;

  const attach = () => {
    const parent = doc.documentElement;
    if (!parent || removed) return;
    // Removal by the page is always undone; a page that keeps removing it only spins itself.
    if (host.parentNode !== parent) parent.append(host);
    // Last child of <html>: on equal z-index the later element paints on top.
    else if (parent.lastElementChild !== host && reorders++ < MAX_REORDERS) parent.append(host);
  };

  const restoreAttributes = () => {
    for (const name of host.getAttributeNames()) if (name !== 'style') host.removeAttribute(name);
    if ((host.getAttribute('style') ?? '') !== expectedStyle) host.setAttribute('style', expectedStyle);
  };

  const view = doc.defaultView;
  const observer = view
    ? new view.MutationObserver(
        safely('ui host (mutations)', () => {
          if (removed) return;
          restoreAttributes();
          attach();
          // The page may have replaced <html> itself: watch the new one.
          if (doc.documentElement) observer?.observe(doc.documentElement, { childList: true });
        }),
      )
    : null;

  attach();
  observer?.observe(doc, { childList: true });
  if (doc.documentElement) observer?.observe(doc.documentElement, { childList: true });
  observer?.observe(host, { attributes: true });

  return {
    host,
    root,
    place(left, top) {
      expectedStyle = `--og-left:${Math.round(left)}px!important;--og-top:${Math.round(top)}px!important`;
      host.setAttribute('style', expectedStyle);
    },
    remove() {
      removed = true;
      observer?.disconnect();
      host.remove();
    },
  };
};

/** A click or key made by the user: only the browser sets isTrusted, and only to true for those. */
export const isTrustedEvent = (event: Event): boolean => event.isTrusted === true;

/** Creates an element with an optional class and text (always text, never markup). */
export const h = <K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className = '',
  text = '',
): HTMLElementTagNameMap[K] => {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text) element.textContent = text;
  return element;
};

/** Runs `action` for clicks made by the user only. */
export const onTrustedClick = (element: Element, action: () => void): void =>
  element.addEventListener('click', (event) => {
    if (isTrustedEvent(event)) action();
  });
