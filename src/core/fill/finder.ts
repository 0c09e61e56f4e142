import { DEFAULT_WALK_LIMITS, isUsableInput, type WalkLimits, walkInputsByTree } from './dom-read';
import { type CardContextCache, newScanCache, OTP_THRESHOLD, scoreInputSignals } from './signals';
import { findSplitGroups } from './split-groups';
import type { Candidate, FinderResult } from './types';

export { OTP_THRESHOLD } from './signals';
export type { Candidate, FinderResult } from './types';

const SPLIT_ROW_POINTS = 45;
const SIX_BOX_POINTS = 5;

const scoreSplit = (inputs: HTMLInputElement[], cache: CardContextCache): Candidate => {
  // The first box carries the row's name/label/autocomplete in every widget seen in the wild.
  const first = inputs[0]!;
  const scored = scoreInputSignals(first, cache, { splitBox: true });
  scored.score += SPLIT_ROW_POINTS;
  scored.reasons.unshift(`split: ${inputs.length} one-character boxes in a row (+${SPLIT_ROW_POINTS})`);
  if (inputs.length === 6) {
    scored.score += SIX_BOX_POINTS;
    scored.reasons.push(`six boxes (+${SIX_BOX_POINTS})`);
  }
  return { kind: 'split', inputs, score: scored.score, reasons: scored.reasons };
};

/** Attributes that hint at a code field, read without layout or text: they decide who is scored first. */
const HINT = /one-time-code|otp|code|token|pin|verif|2fa|mfa|tfa|totp|sms|auth/i;
const hinted = (input: HTMLInputElement): boolean =>
  HINT.test(
    `${input.getAttribute('autocomplete') ?? ''} ${input.getAttribute('name') ?? ''} ${input.id} ${input.getAttribute('inputmode') ?? ''} ${input.getAttribute('placeholder') ?? ''}`,
  ) ||
  input.getAttribute('inputmode') === 'numeric' ||
  input.getAttribute('maxlength') === '1';

/**
 * Inputs with a cheap hint first, then the rest, each group in document order — only when the tree
 * has more inputs than one scan scores (the order within a normal page stays the document's).
 */
const hintedFirst = (tree: HTMLInputElement[], budget: number): HTMLInputElement[] => {
  if (tree.length <= budget) return tree;
  const first: HTMLInputElement[] = [];
  const rest: HTMLInputElement[] = [];
  for (const input of tree) (hinted(input) ? first : rest).push(input);
  return [...first, ...rest];
};

export interface FinderLimits extends WalkLimits {
  /** Usable inputs scored in one scan (scoring reads labels and nearby text: the costly part). */
  maxScored: number;
}

/**
 * Enough for any real sign-in page (they have a handful of inputs), small enough that a page with
 * 100,000 inputs costs a bounded scan. Beyond it, a focused field is still scored on its own (scoreFocused).
 */
export const DEFAULT_FINDER_LIMITS: FinderLimits = { ...DEFAULT_WALK_LIMITS, maxScored: 60 };

/**
 * Finds one-time-code fields under `root` (a Document, ShadowRoot or Element), descending into open shadow roots.
 * Every usable input (or row of boxes) becomes a candidate with a score and human-readable reasons;
 * `best` is the top candidate at or above OTP_THRESHOLD. Bounded by `limits` (`truncated` says when one was hit).
 */
export const findOtpFields = (root: ParentNode, limits: FinderLimits = DEFAULT_FINDER_LIMITS): FinderResult => {
  const cache = newScanCache();
  const candidates: Candidate[] = [];
  const walk = walkInputsByTree(root, limits);
  let truncated = walk.truncated;
  let budget = limits.maxScored;
  for (const tree of walk.trees) {
    if (budget <= 0) {
      truncated = truncated || tree.length > 0;
      continue;
    }
    const usable: HTMLInputElement[] = [];
    for (const input of hintedFirst(tree, budget)) {
      if (usable.length >= budget) {
        truncated = true;
        break;
      }
      if (isUsableInput(input)) usable.push(input);
    }
    budget -= usable.length;
    const { groups, grouped } = findSplitGroups(usable);
    for (const group of groups) candidates.push(scoreSplit(group, cache));
    for (const input of usable) {
      if (grouped.has(input)) continue;
      candidates.push(scoreSingle(input, cache));
    }
  }
  // Stable sort: on equal scores the earlier field (document order within its tree) wins.
  candidates.sort((a, b) => b.score - a.score);
  const top = candidates[0];
  return { best: top && top.score >= OTP_THRESHOLD ? top : null, candidates, truncated };
};

const scoreSingle = (input: HTMLInputElement, cache: CardContextCache): Candidate => {
  const scored = scoreInputSignals(input, cache, { splitBox: false });
  return { kind: 'single', input, score: scored.score, reasons: scored.reasons };
};

/** Scores one field on its own (the one the user focused on a page too large to scan whole). */
export const scoreFocused = (input: HTMLInputElement): Candidate | null =>
  isUsableInput(input) ? scoreSingle(input, newScanCache()) : null;
