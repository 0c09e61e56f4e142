/**
 * Firefox ESR 140 runs no content script in an iframe's initial about:blank document (its readyState stays
 * "uninitialized"), yet a page can write a form into it and listen on its window at once; when ESR 140 later
 * loads about:blank there it keeps that window (listeners included) and only then runs our content script,
 * after the page's listeners. So the document that made the frame guards it from its own content script as
 * soon as the frame is in the tree: a MutationObserver's callback runs before the page's next script.
 * Where the browser does run our script in the initial document (Chromium, ESR 153) it is not "uninitialized"
 * and nothing is adopted.
 */

const FRAMES = 'iframe,frame';

/**
 * Only frames the page writes itself (no src, or about:blank, and no srcdoc). A frame on its way to a URL keeps
 * its initial document's window when the URL is same-origin (Chromium reuses it), and a guard adopted there
 * would sit in front of the real document's own content script and the engine's fill.
 */
const writtenByThePage = (element: Element): boolean => {
  if (element.hasAttribute('srcdoc')) return false;
  const src = (element.getAttribute('src') ?? '').trim().toLowerCase();
  return src === '' || src === 'about:blank';
};

const uninitializedDocumentOf = (element: Element): Document | null => {
  if (!writtenByThePage(element)) return null;
  try {
    const doc = (element as HTMLIFrameElement).contentDocument;
    return doc && doc.readyState === ('uninitialized' as DocumentReadyState) ? doc : null;
  } catch {
    return null; // cross-origin: its own content script (if any) guards it
  }
};

/** Calls `adopt` once for each same-origin frame document that no content script of ours runs in. */
export function adoptUninitializedFrames(doc: Document, adopt: (frameDoc: Document) => void): void {
  const view = doc.defaultView;
  if (!view?.MutationObserver) return;
  const adopted = new WeakSet<Document>();
  const consider = (element: Element) => {
    const frameDoc = uninitializedDocumentOf(element);
    if (!frameDoc || adopted.has(frameDoc)) return;
    adopted.add(frameDoc);
    adopt(frameDoc);
  };
  const scan = (node: Node) => {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.localName === 'iframe' || element.localName === 'frame') consider(element);
    else if (element.firstElementChild) for (const frame of element.querySelectorAll(FRAMES)) consider(frame);
  };
  new view.MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) scan(node);
  }).observe(doc, { childList: true, subtree: true });
}
