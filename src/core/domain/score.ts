/**
 * One explainable score per lookalike candidate: each signal adds or removes points and is kept
 * as evidence, so a verdict says why it was reached. Thresholds were chosen on the development
 * data only (tuning half of phish-dev.tsv, legit-top.txt, the tuning half of the permutation
 * corpus; see bench/domain-eval.ts).
 */
export type Confidence = 'high' | 'medium' | 'low';

export interface Evidence {
  /** Stable name of the signal ("brand-token", "abused-tld", "keyword", "typo-neighbours" …). */
  signal: string;
  points: number;
  detail: string;
}

/**
 * high   → the name imitates the brand on its own (homoglyphs, a typo of a distinctive name, the
 *          brand's address written into another domain, brand + phishing words): interstitial.
 * medium → strong signs but an honest site is conceivable: banner.
 * low    → "this is not the brand's site" (a TLD swap, the brand glued to an unrelated word): badge caution.
 * Below FLAG_AT the candidate is dropped (the verdict stays `unknown`).
 */
export const FLAG_AT = 4;
export const MEDIUM_AT = 5.5;
export const HIGH_AT = 7;

export function confidenceOf(score: number): Confidence | undefined {
  if (score >= HIGH_AT) return 'high';
  if (score >= MEDIUM_AT) return 'medium';
  if (score >= FLAG_AT) return 'low';
  return undefined;
}

/** Accumulates points and their evidence for one candidate. */
export class ScoreCard {
  score = 0;
  readonly evidence: Evidence[] = [];
  add(signal: string, points: number, detail: string): this {
    if (points !== 0) {
      this.score += points;
      this.evidence.push({ signal, points, detail });
    }
    return this;
  }
}
