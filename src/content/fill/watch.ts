import { isInputElement } from '../../core/fill/dom-read';
import { findOtpFields } from '../../core/fill/finder';
import { type Candidate, candidateInputs, type FinderResult } from '../../core/fill/types';

export interface WatchOptions {
  /** Longest wait between a relevant DOM change and the rescan it triggers. */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 50;
const OBSERVED_ATTRIBUTES = ['type', 'hidden', 'disabled', 'readonly', 'style', 'class', 'autocomplete', 'name', 'maxlength'];

const sameBest = (a: Candidate | null, b: Candidate | null): boolean => {
  if (a === null || b === null) return a === b;
  const first = candidateInputs(a);
  const second = candidateInputs(b);
  return a.kind === b.kind && first.length === second.length && first.every((input, index) => input === second[index]);
};

const holdsInput = (node: Node): boolean =>
  isInputElement(node) || (node.nodeType === 1 && (node as Element).getElementsByTagName('input').length > 0);

/**
 * Runs the finder now, then again after relevant DOM changes (batched, at most one scan per `debounceMs`),
 * inside open shadow roots as they appear, and after SPA route changes.
 * `onFields` gets the first result, then every result whose best field differs (always after a route change).
 */
export const watchForOtpFields = (
  doc: Document,
  onFields: (result: FinderResult) => void,
  options: WatchOptions = {},
): (() => void) => {
  const view = doc.defaultView;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const observedRoots = new WeakSet<Node>();
  let lastBest: Candidate | null = null;
  let lastHref = doc.location?.href ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let forceEmit = true; // the first scan is always reported
  let stopped = false;

  const scan = () => {
    timer = undefined;
    if (stopped) return;
    const result = findOtpFields(doc);
    if (forceEmit || !sameBest(result.best, lastBest)) {
      forceEmit = false;
      lastBest = result.best;
      onFields(result);
    }
  };
  // While the parser is still adding the page, every batch of nodes would trigger a scan: wait for
  // DOMContentLoaded instead, and scan once then (a code field is never needed before that).
  let waitingForLoad = false;
  const schedule = () => {
    if (doc.readyState === 'loading') {
      waitingForLoad = true;
      return;
    }
    // A batch, not a sliding debounce: a page that mutates constantly still gets scanned.
    if (timer === undefined && !stopped) timer = setTimeout(scan, debounceMs);
  };
  const onLoaded = () => {
    if (waitingForLoad) {
      waitingForLoad = false;
      observeShadowRoots(doc);
      schedule();
    }
  };

  const observeShadowRoots = (node: Node): boolean => {
    let foundInputs = false;
    const visit = (element: Element) => {
      const shadow = element.shadowRoot;
      if (shadow && !observedRoots.has(shadow)) {
        observedRoots.add(shadow);
        observer?.observe(shadow, OBSERVE);
        if (shadow.querySelector('input')) foundInputs = true;
        for (const inner of shadow.querySelectorAll('*')) visit(inner);
      }
    };
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return false;
    if (node.nodeType === 1) visit(node as Element);
    for (const element of (node as ParentNode).querySelectorAll('*')) visit(element);
    return foundInputs;
  };

  const checkRoute = () => {
    const href = doc.location?.href ?? '';
    if (href !== lastHref) {
      lastHref = href;
      forceEmit = true;
      schedule();
    }
  };

  const isRelevant = (record: MutationRecord): boolean => {
    if (record.type === 'attributes') return holdsInput(record.target);
    for (const node of record.addedNodes) if (holdsInput(node)) return true;
    // The current field went away: report it so buttons and warnings can go too.
    return lastBest !== null && record.removedNodes.length > 0 && candidateInputs(lastBest).some((input) => !input.isConnected);
  };

  const OBSERVE: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES };
  const observer = view
    ? new view.MutationObserver((records) => {
        // Nodes the parser is still adding are all looked at once, at DOMContentLoaded.
        if (doc.readyState === 'loading') {
          waitingForLoad = true;
          return;
        }
        checkRoute();
        // With a scan already due, only new shadow roots need attention this batch.
        let relevant = timer !== undefined;
        for (const record of records) {
          for (const node of record.addedNodes) if (observeShadowRoots(node)) relevant = true;
          if (!relevant && isRelevant(record)) relevant = true;
        }
        if (relevant) schedule();
      })
    : null;

  observer?.observe(doc, OBSERVE);
  observeShadowRoots(doc);

  const onRoute = () => checkRoute();
  // A field inside a shadow root attached without any mutation we could see (element upgrade) shows up on focus.
  const onFocus = (event: Event) => {
    const target = event.composedPath()[0];
    if (isInputElement(target) && !observedRoots.has(target.getRootNode())) {
      observeShadowRoots(doc);
      schedule();
    }
  };
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
  view?.addEventListener('popstate', onRoute);
  view?.addEventListener('hashchange', onRoute);
  view?.addEventListener('focusin', onFocus, true);
  navigation?.addEventListener('navigatesuccess', onRoute);
  observedRoots.add(doc);
  doc.addEventListener('DOMContentLoaded', onLoaded);

  if (doc.readyState === 'loading') schedule();
  else scan();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    observer?.disconnect();
    doc.removeEventListener('DOMContentLoaded', onLoaded);
    view?.removeEventListener('popstate', onRoute);
    view?.removeEventListener('hashchange', onRoute);
    view?.removeEventListener('focusin', onFocus, true);
    navigation?.removeEventListener('navigatesuccess', onRoute);
  };
};
