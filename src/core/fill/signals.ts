import { hasCaptchaImageNearby, inputType, type LabelIndex, labelledByText, labelText, nearbyText } from './dom-read';
import {
  CARD_FIELD,
  CONTACT_EXCLUSIONS,
  HARD_EXCLUSIONS,
  matchFamily,
  matchSecurityCode,
  matchStrong,
  matchWeak,
} from './keywords';
import { compactText, foldText } from './text-normalize';

/** Score at or above which a candidate is treated as a one-time-code field. */
export const OTP_THRESHOLD = 40;

export interface Scored {
  score: number;
  reasons: string[];
}

type SourceKind = 'identifier' | 'class' | 'label' | 'nearby';

/** Own attributes and labels weigh most; nearby page text only nudges. */
const WEIGHTS: Record<SourceKind, { strong: number; weak: number; exclude: number }> = {
  identifier: { strong: 50, weak: 20, exclude: -100 },
  class: { strong: 25, weak: 10, exclude: -60 },
  label: { strong: 50, weak: 20, exclude: -100 },
  nearby: { strong: 30, weak: 10, exclude: -40 },
};

const AUTOCOMPLETE_EXCLUSIONS =
  /^(cc-|tel|email|username|current-password|new-password|postal-code|street-address|address-|name$|given-name|family-name|bday|country|organization|impp|url|photo|transaction-)/;

/** Inputs of one form (or tree) looked at to decide whether it is a payment-card form. */
const CARD_CONTEXT_MAX_INPUTS = 300;

/** Per-scan memos: is a form (or tree) a payment-card form; the headings of a form or fieldset. */
export interface CardContextCache {
  card: Map<Node, boolean>;
  headings: Map<Node, string>;
  captcha: Map<Node, boolean>;
  labels: LabelIndex;
}

export const newScanCache = (): CardContextCache => ({ card: new Map(), headings: new Map(), captcha: new Map(), labels: new Map() });

const quote = (text: string): string => {
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `"${short}"`;
};

const add = (scored: Scored, points: number, reason: string) => {
  scored.score += points;
  scored.reasons.push(`${reason} (${points > 0 ? '+' : ''}${points})`);
};

/** Whether the input sits in a form that also asks for a card number or expiry. */
const inCardForm = (input: HTMLInputElement, cache: CardContextCache): boolean => {
  const container: Node = input.form ?? input.closest('form') ?? input.getRootNode();
  const known = cache.card.get(container);
  if (known !== undefined) return known;
  let card = false;
  let looked = 0;
  // Bounded: a page with 100,000 inputs and no <form> would otherwise cost all of them per scan.
  // A live collection (forms, documents) costs only what is read; shadow roots offer a static list only.
  const scope = container as Partial<Pick<Element, 'getElementsByTagName'>> & ParentNode;
  const inputs = typeof scope.getElementsByTagName === 'function' ? scope.getElementsByTagName('input') : scope.querySelectorAll('input');
  for (const other of inputs) {
    if (++looked > CARD_CONTEXT_MAX_INPUTS) break;
    const autocomplete = (other.getAttribute('autocomplete') ?? '').toLowerCase();
    const ids = foldText(`${other.name} ${other.id} ${other.getAttribute('placeholder') ?? ''}`);
    if (/(^|\s)cc-(number|exp)/.test(autocomplete) || matchFamily(CARD_FIELD, ids, compactText(ids))) {
      card = true;
      break;
    }
  }
  cache.card.set(container, card);
  return card;
};

/** Scores one piece of text (an attribute, a label, nearby text) against the keyword families. */
const scoreText = (scored: Scored, kind: SourceKind, source: string, raw: string, cardForm: boolean): number => {
  const folded = foldText(raw);
  if (folded === '') return 0;
  const compact = kind === 'identifier' || kind === 'class' ? compactText(folded) : undefined;
  const weights = WEIGHTS[kind];
  const hard = matchFamily(HARD_EXCLUSIONS, folded, compact);
  if (hard) {
    add(scored, weights.exclude, `excluded: ${hard} (${source} ${quote(raw)})`);
    return 0;
  }
  if (cardForm && kind !== 'nearby' && matchSecurityCode(folded, compact)) {
    add(scored, weights.exclude, `excluded: card security code (${source} ${quote(raw)}, card fields nearby)`);
    return 0;
  }
  const strong = matchStrong(folded, compact);
  const weak = strong ? null : matchWeak(folded, compact);
  if (!strong && !weak && kind !== 'nearby') {
    const contact = matchFamily(CONTACT_EXCLUSIONS, folded, compact);
    if (contact) add(scored, weights.exclude, `excluded: ${contact} (${source} ${quote(raw)})`);
    return 0;
  }
  if (strong) return weights.strong;
  return weak ? weights.weak : 0;
};

/** Adds the best keyword evidence of one source kind once (two attributes saying "otp" count as one). */
const scoreKind = (
  scored: Scored,
  kind: SourceKind,
  texts: ReadonlyArray<readonly [string, string]>,
  cardForm: boolean,
) => {
  let best = 0;
  let bestReason = '';
  for (const [source, raw] of texts) {
    const points = scoreText(scored, kind, source, raw, cardForm);
    if (points > best) {
      best = points;
      bestReason = `${source}: ${quote(raw.replace(/\s+/g, ' ').trim())}`;
    }
  }
  if (best > 0) add(scored, best, bestReason);
};

const attr = (element: Element, name: string): string => element.getAttribute(name) ?? '';

/**
 * Keyword and shape evidence for one input. For a box of a split row the caller scores the row's shape,
 * so per-box length hints are skipped.
 */
export const scoreInputSignals = (
  input: HTMLInputElement,
  cache: CardContextCache,
  options: { splitBox: boolean },
): Scored => {
  const scored: Scored = { score: 0, reasons: [] };
  const autocomplete = attr(input, 'autocomplete').trim().toLowerCase();
  const tokens = autocomplete.split(/\s+/).filter(Boolean);
  if (tokens.includes('one-time-code')) add(scored, 100, 'autocomplete=one-time-code');
  else {
    const excluded = tokens.find((token) => AUTOCOMPLETE_EXCLUSIONS.test(token));
    if (excluded) add(scored, -100, `excluded: autocomplete=${excluded}`);
  }
  const cardForm = inCardForm(input, cache);
  scoreKind(
    scored,
    'identifier',
    [
      ['name', attr(input, 'name')],
      ['id', attr(input, 'id')],
    ],
    cardForm,
  );
  scoreKind(scored, 'class', [['class', attr(input, 'class')]], cardForm);
  scoreKind(
    scored,
    'label',
    [
      ['label', labelText(input, cache.labels)],
      ['aria-label', attr(input, 'aria-label')],
      ['aria-labelledby', labelledByText(input)],
      ['placeholder', attr(input, 'placeholder')],
      ['title', attr(input, 'title')],
    ],
    cardForm,
  );
  // Nearby text is the costliest read: skip it for fields already ruled out.
  if (scored.score > -100) {
    scoreKind(scored, 'nearby', [['nearby text', nearbyText(input, cache.headings)]], cardForm);
    if (hasCaptchaImageNearby(input, cache.captcha)) add(scored, -100, 'excluded: captcha image next to the field');
  }

  const inputMode = attr(input, 'inputmode').toLowerCase();
  if (inputMode === 'numeric' || inputMode === 'decimal') add(scored, 10, `inputmode=${inputMode}`);
  const type = inputType(input);
  if (type === 'tel' || type === 'number') add(scored, 5, `type=${type}`);
  if (type === 'password') add(scored, -15, 'type=password');
  const pattern = attr(input, 'pattern');
  if (/(\\d|\[0-9\])\{[4-8](,[4-8]?)?\}/.test(pattern)) add(scored, 15, `pattern=${pattern}`);
  if (!options.splitBox) {
    const maxLength = Number.parseInt(attr(input, 'maxlength'), 10);
    if (maxLength >= 6 && maxLength <= 8) add(scored, 15, `maxlength=${maxLength}`);
    else if (maxLength === 4 || maxLength === 5) add(scored, 5, `maxlength=${maxLength}`);
    else if (maxLength === 1) add(scored, -50, 'maxlength=1 outside a row of boxes');
  }
  return scored;
};
