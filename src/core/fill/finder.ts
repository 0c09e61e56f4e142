import { collectInputsByTree, isUsableInput } from './dom-read';
import { type CardContextCache, OTP_THRESHOLD, scoreInputSignals } from './signals';
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

/**
 * Finds one-time-code fields under `root` (a Document, ShadowRoot or Element), descending into open shadow roots.
 * Every usable input (or row of boxes) becomes a candidate with a score and human-readable reasons;
 * `best` is the top candidate at or above OTP_THRESHOLD.
 */
export const findOtpFields = (root: ParentNode): FinderResult => {
  const cache: CardContextCache = new Map();
  const candidates: Candidate[] = [];
  for (const tree of collectInputsByTree(root)) {
    const usable = tree.filter(isUsableInput);
    const { groups, grouped } = findSplitGroups(usable);
    for (const group of groups) candidates.push(scoreSplit(group, cache));
    for (const input of usable) {
      if (grouped.has(input)) continue;
      const scored = scoreInputSignals(input, cache, { splitBox: false });
      candidates.push({ kind: 'single', input, score: scored.score, reasons: scored.reasons });
    }
  }
  // Stable sort: on equal scores the earlier field (document order within its tree) wins.
  candidates.sort((a, b) => b.score - a.score);
  const top = candidates[0];
  return { best: top && top.score >= OTP_THRESHOLD ? top : null, candidates };
};
