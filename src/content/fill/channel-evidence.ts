/**
 * What the channel classifier (src/core/fill/channel.ts) reads about a code field, gathered from the
 * DOM around it: its label and attributes, the text of its form (or nearby section), the page's
 * first headings, and the links and buttons around it (kept with their elements, so an offer such
 * as "Use your authenticator app" can be followed). Bounded walks: a hostile page costs little.
 */
import type { ChannelEvidence } from '../../core/fill/channel';
import { labelledByText, labelText, nearbyText, parentAcrossShadow } from '../../core/fill/dom-read';

/** Characters of section text and nodes walked for it; links and buttons kept; elements walked for them. */
const MAX_TEXT = 1_500;
const MAX_TEXT_NODES = 1_000;
const MAX_ACTIONS = 40;
const MAX_ELEMENTS_WALKED = 3_000;
/** Ancestor levels climbed for the field's section when it is in no form. */
const SECTION_LEVELS = 4;
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg']);
const ACTION_SELECTOR = 'a,button,[role="button"],[role="link"],input[type="submit"],input[type="button"]';

export interface PageAction {
  text: string;
  element: HTMLElement;
}

export interface GatheredEvidence {
  evidence: ChannelEvidence;
  actions: PageAction[];
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The field's form, else a few levels up: the part of the page that talks about this field. */
const sectionOf = (input: HTMLInputElement): Element => {
  const form = input.closest('form');
  if (form) return form;
  let section: Element = input;
  for (let level = 0; level < SECTION_LEVELS; level++) section = parentAcrossShadow(section) ?? section;
  return section;
};

/** Hidden parts (another step's template, a closed dialog) say nothing about the field in front. */
const isHidden = (element: Element): boolean => {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? !check.call(element) : false;
};

/**
 * The text of a subtree in document order, up to the bounds: script, style, hidden parts and the
 * links and buttons (read apart, with less weight) are left out, with all they hold.
 */
const textOf = (root: Element, maxChars: number): string => {
  const view = root.ownerDocument.defaultView;
  let elements = 0;
  const filter = (node: Node): number => {
    if (node.nodeType !== 1) return 1; // FILTER_ACCEPT
    if (++elements > MAX_ELEMENTS_WALKED) return 2; // a page section this big is read no further
    const element = node as Element;
    return SKIPPED.has(element.localName) || element.matches(ACTION_SELECTOR) || isHidden(element) ? 2 : 3; // REJECT : SKIP
  };
  const walker = root.ownerDocument.createTreeWalker(root, (view?.NodeFilter.SHOW_ELEMENT ?? 1) | (view?.NodeFilter.SHOW_TEXT ?? 4), { acceptNode: filter });
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(), seen = 0; node && length < maxChars && seen < MAX_TEXT_NODES; node = walker.nextNode(), seen++) {
    const text = squash(node.textContent ?? '');
    if (text === '') continue;
    parts.push(text);
    length += text.length + 1;
  }
  // A line per text node: "… instead" stays with its own sentence.
  return parts.join('\n').slice(0, maxChars);
};

const actionText = (element: HTMLElement): string =>
  squash(element.localName === 'input' ? ((element as HTMLInputElement).value ?? '') : (element.textContent ?? element.getAttribute('aria-label') ?? '')).slice(0, 200);

/** Links and buttons in the field's neighbourhood (its section's parent: offers often sit below the form). */
const actionsNear = (section: Element): PageAction[] => {
  const scope = section.parentElement ?? section;
  const actions: PageAction[] = [];
  const walker = scope.ownerDocument.createTreeWalker(scope, 1);
  for (let node = walker.nextNode(), seen = 0; node && actions.length < MAX_ACTIONS && seen < MAX_ELEMENTS_WALKED; node = walker.nextNode(), seen++) {
    const element = node as HTMLElement;
    if (!element.matches(ACTION_SELECTOR) || isHidden(element)) continue;
    const text = actionText(element);
    if (text !== '') actions.push({ text, element });
  }
  return actions;
};

const headingsOf = (doc: Document): string => {
  const texts: string[] = [];
  for (const heading of doc.querySelectorAll('h1,h2')) {
    if (texts.length >= 3) break;
    texts.push(squash(heading.textContent ?? '').slice(0, 200));
  }
  return texts.join('\n');
};

export function gatherChannelEvidence(input: HTMLInputElement): GatheredEvidence {
  const section = sectionOf(input);
  const actions = actionsNear(section);
  // The page's headings, the text just before the field (instructions often sit above the form), the section's.
  const pageText = `${headingsOf(input.ownerDocument)}\n${nearbyText(input)}\n${textOf(section, MAX_TEXT)}`.slice(0, MAX_TEXT);
  const label = squash(`${labelText(input)} ${labelledByText(input)} ${input.getAttribute('aria-label') ?? ''}`);
  const evidence: ChannelEvidence = {
    pageText,
    label,
    placeholder: input.getAttribute('placeholder') ?? '',
    autocomplete: input.getAttribute('autocomplete') ?? '',
    name: input.getAttribute('name') ?? '',
    id: input.id,
    actionTexts: actions.map((action) => action.text),
  };
  return { evidence, actions };
}
