import { isInputElement } from '../../core/fill/dom-read';
import { findOtpFields, OTP_THRESHOLD, scoreFocused } from '../../core/fill/finder';
import { type Candidate, candidateInputs, type FinderResult } from '../../core/fill/types';
import { safely } from '../safety';

export interface WatchOptions {
  /** Longest wait between a relevant DOM change and the rescan it triggers. */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 50;
/** After a scan that cost C ms, the next waits at least C × this: scans use at most ~5% of the main thread. */
const BACKOFF_FACTOR = 20;
/** Shadow roots observed per page, and elements looked at per look for new ones (the page shapes both). */
const MAX_OBSERVED_ROOTS = 500;
const MAX_ELEMENTS_PER_LOOK = 10_000;
/** Added nodes examined per mutation batch; beyond it the batch is simply treated as relevant. */
const MAX_ADDED_PER_BATCH = 2_000;
/** Longest wait for a painted frame before a scan runs anyway (hidden tabs paint none). */
const PAINT_WAIT_MS = 250;
const OBSERVED_ATTRIBUTES = ['type', 'hidden', 'disabled', 'readonly', 'style', 'class', 'autocomplete', 'name', 'maxlength'];

const sameBest = (a: Candidate | null, b: Candidate | null): boolean => {
  if (a === null || b === null) return a === b;
  const first = candidateInputs(a);
  const second = candidateInputs(b);
  return a.kind === b.kind && first.length === second.length && first.every((input, index) => input === second[index]);
};

const holdsInput = (node: Node): boolean =>
  isInputElement(node) || (node.nodeType === 1 && (node as Element).getElementsByTagName('input').item(0) !== null);

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

  let lastCost = 0;
  let lastResult: FinderResult | null = null;
  const emit = (result: FinderResult) => {
    lastBest = result.best;
    lastResult = result;
    onFields(result);
  };
  const scan = safely('field scan', () => {
    timer = undefined;
    if (stopped) return;
    const started = performance.now();
    const result = findOtpFields(doc);
    lastCost = performance.now() - started;
    if (forceEmit || !sameBest(result.best, lastBest)) {
      forceEmit = false;
      emit(result);
    }
  });
  // The scan reads layout (box sizes): run it after the browser has painted, when layout is clean,
  // rather than force a layout of the whole page ourselves. A hidden tab paints no frames: a timer caps the wait.
  const afterPaint = () => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      scan();
    };
    const fallback = setTimeout(run, PAINT_WAIT_MS);
    view?.requestAnimationFrame(() => setTimeout(run, 0));
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
    if (timer === undefined && !stopped) timer = setTimeout(afterPaint, Math.max(debounceMs, lastCost * BACKOFF_FACTOR));
  };
  const onLoaded = safely('field watch (DOMContentLoaded)', () => {
    if (waitingForLoad) {
      waitingForLoad = false;
      observeShadowRoots(doc);
      schedule();
    }
  });

  let observedCount = 0;
  /**
   * Observes the open shadow roots under `node` (and in them): an explicit queue, never recursion, with
   * ceilings on roots and elements. Returns whether any of them holds an input.
   */
  const observeShadowRoots = (node: Node, budget = { elements: MAX_ELEMENTS_PER_LOOK }): boolean => {
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return false;
    let foundInputs = false;
    const queue: Node[] = [node];
    const take = (element: Element) => {
      const shadow = element.shadowRoot;
      if (!shadow || observedRoots.has(shadow) || observedCount >= MAX_OBSERVED_ROOTS) return;
      observedRoots.add(shadow);
      observedCount++;
      observer?.observe(shadow, OBSERVE);
      if (shadow.querySelector('input')) foundInputs = true;
      queue.push(shadow);
    };
    if (node.nodeType === 1) take(node as Element);
    for (let index = 0; index < queue.length && budget.elements > 0; index++) {
      const walker = doc.createTreeWalker(queue[index]!, 0x1 /* NodeFilter.SHOW_ELEMENT */);
      for (let element = walker.nextNode(); element && budget.elements-- > 0; element = walker.nextNode()) take(element as Element);
    }
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
  const onMutations = safely('field watch (mutations)', (records: MutationRecord[]) => {
    // Nodes the parser is still adding are all looked at once, at DOMContentLoaded.
    if (doc.readyState === 'loading') {
      waitingForLoad = true;
      return;
    }
    checkRoute();
    // With a scan already due, only new shadow roots need attention this batch.
    let relevant = timer !== undefined;
    const budget = { elements: MAX_ELEMENTS_PER_LOOK };
    let added = 0;
    for (const record of records) {
      for (const node of record.addedNodes) {
        // A page adding 100,000 nodes at once: the rest is left to the (bounded) scan.
        if (++added > MAX_ADDED_PER_BATCH) {
          relevant = true;
          break;
        }
        if (observeShadowRoots(node, budget)) relevant = true;
      }
      if (!relevant && isRelevant(record)) relevant = true;
    }
    if (relevant) schedule();
  });
  const observer = view ? new view.MutationObserver(onMutations) : null;

  observer?.observe(doc, OBSERVE);
  observeShadowRoots(doc);

  const onRoute = safely('field watch (route)', () => checkRoute());
  // A field inside a shadow root attached without any mutation we could see (element upgrade) shows up on focus.
  // On a page too large to scan whole, the focused field is scored on its own.
  const onFocus = safely('field watch (focus)', (event: Event) => {
    const target = event.composedPath()[0];
    if (!isInputElement(target)) return;
    if (!observedRoots.has(target.getRootNode())) {
      observeShadowRoots(doc);
      schedule();
    }
    const known = lastResult?.candidates.some((candidate) => candidateInputs(candidate).includes(target)) ?? false;
    if (known || !lastResult?.truncated) return;
    const focused = scoreFocused(target);
    if (focused && focused.score >= OTP_THRESHOLD && (!lastBest || focused.score > lastBest.score)) {
      emit({ best: focused, candidates: [focused, ...lastResult.candidates], truncated: true });
    }
  });
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
