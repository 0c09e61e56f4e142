/**
 * Small readers over a DOM passed in. No DOM globals: elements are recognised by localName,
 * the window (for computed style) comes from the node's own document.
 */

export const isInputElement = (node: unknown): node is HTMLInputElement =>
  typeof node === 'object' && node !== null && (node as Element).localName === 'input';

/** Input types that can hold a typed code. */
const CODE_TYPES = new Set(['', 'text', 'tel', 'number', 'password']);

export const inputType = (input: HTMLInputElement): string => (input.getAttribute('type') ?? '').trim().toLowerCase();

export const hasCodeType = (input: HTMLInputElement): boolean => CODE_TYPES.has(inputType(input));

/** The parent element, crossing from a shadow root to its host. */
export const parentAcrossShadow = (element: Element): Element | null => {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
};

/** Bounds on one walk of a page's trees: the page decides their shape, so every walk has a ceiling. */
export interface WalkLimits {
  /** Elements looked at in all trees together. */
  maxElements: number;
  /** Inputs collected in all trees together. */
  maxInputs: number;
  /** Shadow roots entered (each is one tree). */
  maxTrees: number;
}

/** NodeFilter.SHOW_ELEMENT, spelled out: no DOM globals in core. */
const SHOW_ELEMENT = 0x1;

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxElements: 20_000, maxInputs: 2_000, maxTrees: 500 };

export interface TreeWalkResult {
  /** One list per tree (the root itself, then each open shadow root, in discovery order). */
  trees: HTMLInputElement[][];
  /** A limit was reached: some of the page was not looked at. */
  truncated: boolean;
}

/**
 * Every input under `root`, one list per tree, with open shadow roots taken from an explicit queue,
 * never by recursion: a page nesting 20,000 shadow roots costs a bounded loop, not a stack overflow.
 */
export const walkInputsByTree = (root: ParentNode, limits: WalkLimits = DEFAULT_WALK_LIMITS): TreeWalkResult => {
  const trees: HTMLInputElement[][] = [];
  const queue: ParentNode[] = [root];
  const self = root as Element;
  let elements = 0;
  let inputs = 0;
  let truncated = false;
  if (self.shadowRoot) queue.push(self.shadowRoot);
  for (let index = 0; index < queue.length; index++) {
    if (trees.length >= limits.maxTrees) {
      truncated = true;
      break;
    }
    const tree = queue[index]!;
    const found: HTMLInputElement[] = [];
    trees.push(found);
    // A TreeWalker visits one element at a time (a static querySelectorAll list would cost the whole
    // tree up front); the loop stops at the ceilings.
    const doc = (tree as Node).ownerDocument ?? (tree as Document);
    const walker = doc.createTreeWalker(tree as Node, SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (++elements > limits.maxElements || inputs >= limits.maxInputs) {
        truncated = true;
        break;
      }
      const element = node as Element;
      if (isInputElement(element)) {
        found.push(element);
        inputs++;
      }
      // Only open roots are visible here: closed ones return null, by design of the platform.
      if (element.shadowRoot) queue.push(element.shadowRoot);
    }
    if (truncated) break;
  }
  return { trees, truncated };
};

/** Every input under `root`, one list per tree (bounded: see walkInputsByTree). */
export const collectInputsByTree = (root: ParentNode, limits?: WalkLimits): HTMLInputElement[][] =>
  walkInputsByTree(root, limits).trees;

const windowOf = (node: Node): (Window & typeof globalThis) | null =>
  (node.ownerDocument?.defaultView as (Window & typeof globalThis) | null | undefined) ?? null;

const MAX_ANCESTORS = 40;

/**
 * An input a user could type into: a code-shaped type, enabled, editable, rendered and not hidden.
 * Transparent inputs stay usable on purpose: OTP widgets often overlay an invisible input on drawn boxes.
 */
export const isUsableInput = (input: HTMLInputElement): boolean => {
  if (!hasCodeType(input) || input.disabled || input.readOnly || input.hasAttribute('readonly')) return false;
  const view = windowOf(input);
  if (view?.getComputedStyle) {
    const style = view.getComputedStyle(input);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
  }
  const check = (input as Partial<Pick<Element, 'checkVisibility'>>).checkVisibility;
  if (typeof check === 'function' && !check.call(input)) return false;
  let element: Element | null = input;
  for (let depth = 0; element && depth < MAX_ANCESTORS; depth++) {
    if (element.hasAttribute('hidden')) return false;
    if ((element as HTMLElement).style?.display === 'none') return false;
    if (element.localName === 'fieldset' && element.hasAttribute('disabled')) return false;
    element = parentAcrossShadow(element);
  }
  return true;
};

const byId = (node: Node, id: string): Element | null => {
  const root = node.getRootNode() as Partial<Pick<Document, 'getElementById'>>;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
};

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Per-scan index of `<label for=…>` texts, one per tree: `input.labels` costs a walk of the whole tree per call. */
export type LabelIndex = Map<Node, Map<string, string>>;

const labelsFor = (input: HTMLInputElement, index: LabelIndex): string => {
  const root = input.getRootNode() as ParentNode & Node;
  let byId = index.get(root);
  if (!byId) {
    byId = new Map();
    if (typeof root.querySelectorAll === 'function') {
      for (const label of root.querySelectorAll('label[for]')) {
        const id = label.getAttribute('for') ?? '';
        const text = squash(label.textContent?.slice(0, NEARBY_CHARS));
        byId.set(id, byId.has(id) ? `${byId.get(id)} ${text}` : text);
      }
    }
    index.set(root, byId);
  }
  return input.id ? (byId.get(input.id) ?? '') : '';
};

/** Text of `<label for>` and wrapping labels. */
export const labelText = (input: HTMLInputElement, index: LabelIndex = new Map()): string => {
  const parts = [labelsFor(input, index)];
  const wrapping = input.closest('label');
  if (wrapping && wrapping.getAttribute('for') === null) parts.push(squash(wrapping.textContent?.slice(0, NEARBY_CHARS)));
  return parts.filter(Boolean).join(' ');
};

/** Text of the elements named by aria-labelledby. */
export const labelledByText = (input: Element): string =>
  (input.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => squash(byId(input, id)?.textContent))
    .join(' ');

const FORM_CONTROLS = 'input,select,textarea,button';
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg']);
const NEARBY_LEVELS = 5;
const NEARBY_SIBLINGS = 3;
const NEARBY_CHARS = 240;
/** Siblings with more child elements than this are page sections, not captions: skipped (and never stringified). */
const NEARBY_MAX_CHILDREN = 8;

/**
 * Text just before the input: up to 3 previous siblings at each of 5 ancestor levels,
 * skipping siblings that hold other form controls (their text describes those), plus the form's legend/headings.
 * Bounded in characters so a long page costs little.
 */
export const nearbyText = (input: Element, headingCache: Map<Node, string> = new Map()): string => {
  const parts: string[] = [];
  let length = 0;
  const add = (text: string) => {
    const clean = squash(text);
    if (clean && length < NEARBY_CHARS) {
      parts.push(clean.slice(0, NEARBY_CHARS - length));
      length += clean.length;
    }
  };
  let node: Element | null = input;
  for (let level = 0; node && level < NEARBY_LEVELS && length < NEARBY_CHARS; level++) {
    let sibling = node.previousSibling;
    for (let count = 0; sibling && count < NEARBY_SIBLINGS; sibling = sibling.previousSibling) {
      if (sibling.nodeType === 3) add(sibling.textContent ?? '');
      else if (sibling.nodeType === 1) {
        const element = sibling as Element;
        if (
          SKIPPED_TAGS.has(element.localName) ||
          element.childElementCount > NEARBY_MAX_CHILDREN ||
          element.matches(FORM_CONTROLS) ||
          element.querySelector(FORM_CONTROLS)
        )
          continue;
        add(element.textContent ?? '');
      } else continue;
      count++;
    }
    node = parentAcrossShadow(node);
  }
  const group = input.closest('form,fieldset');
  if (group) add(groupHeadings(group, headingCache));
  return parts.join(' ');
};

const MAX_HEADINGS = 8;

/** The legend and headings of a form or fieldset, read once per scan (a page's form may hold 100,000 inputs). */
const groupHeadings = (group: Element, cache: Map<Node, string>): string => {
  const known = cache.get(group);
  if (known !== undefined) return known;
  const texts: string[] = [];
  let length = 0;
  for (const heading of group.querySelectorAll('legend,h1,h2,h3,h4')) {
    if (texts.length >= MAX_HEADINGS || length >= NEARBY_CHARS) break;
    const text = squash(heading.textContent?.slice(0, NEARBY_CHARS));
    texts.push(text);
    length += text.length;
  }
  const joined = texts.join(' ');
  cache.set(group, joined);
  return joined;
};

const MAX_CAPTCHA_IMAGES = 12;

const CAPTCHA_IMAGE = /captcha|vcode|checkcode|verifyimg|imgcode|验证码|驗證碼/i;

const firstOf = (list: HTMLCollectionOf<Element>): Element[] => {
  const items: Element[] = [];
  for (let index = 0; index < MAX_CAPTCHA_IMAGES; index++) {
    const item = list.item(index);
    if (!item) break;
    items.push(item);
  }
  return items;
};

/** An image or canvas beside the field that looks like a captcha picture (common on sites that call captchas 验证码). */
export const hasCaptchaImageNearby = (input: Element, cache: Map<Node, boolean> = new Map()): boolean => {
  const scope = input.parentElement?.parentElement ?? input.parentElement;
  if (!scope) return false;
  const known = cache.get(scope);
  if (known !== undefined) return known;
  let found = false;
  // Live collections: only the images read are paid for (the scope may be a page-sized container), once per scope.
  for (const image of [...firstOf(scope.getElementsByTagName('img')), ...firstOf(scope.getElementsByTagName('canvas'))]) {
    const text = ['src', 'id', 'class', 'alt', 'title'].map((name) => image.getAttribute(name) ?? '').join(' ');
    if (CAPTCHA_IMAGE.test(text)) {
      found = true;
      break;
    }
  }
  cache.set(scope, found);
  return found;
};
