/**
 * How loudly a verdict is shown. Pure: decided from the detector's confidence and reasons only.
 *
 * 'interstitial' — the tab goes to OTP Guard's own warning page before the site can run: the detector's
 *   `high` confidence (the name imitates the brand on its own: a typo of a distinctive name, brand +
 *   phishing words such as amazon-account-verify.com), and, whatever the score, techniques that have no
 *   innocent explanation: look-alike characters (Unicode homoglyphs, mixed or whole-script confusables,
 *   ASCII swaps such as 0 for o) and another owner's real domain written inside the address
 *   (amazon.com.verify-id.shop). On the 10,023 popular legit domains none of these reach the interstitial
 *   (`npx tsx bench/interstitial.ts`).
 * 'banner'  — medium confidence: the in-page banner and the toolbar badge for lookalikes the detector is
 *   less sure of (a typo on a short name, brand + neutral words), which real companies also register.
 * 'badge'   — low confidence (e.g. a brand on an ending it does not use: amazon.science): the toolbar
 *   badge and the typed-code guard, no in-page banner (most false alarms are here).
 * 'none'    — not a lookalike: the badge says what the page is (✓ or nothing).
 */
import type { Verdict } from '../domain/guard';

export type WarningLevel = 'interstitial' | 'banner' | 'badge' | 'none';

/** Detector reason codes that alone justify taking the page away before it loads, at any confidence. */
export const HIGH_CONFIDENCE_REASONS: ReadonlySet<string> = new Set(['homoglyph', 'mixed-script', 'whole-script', 'target-embedding']);

export function warningLevel(verdict: Verdict): WarningLevel {
  if (verdict.kind !== 'lookalike') return 'none';
  if (verdict.confidence === 'high') return 'interstitial';
  if (verdict.reasons.some((reason) => HIGH_CONFIDENCE_REASONS.has(reason.code))) return 'interstitial';
  return verdict.confidence === 'low' ? 'badge' : 'banner';
}
