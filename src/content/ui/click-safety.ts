import type { MessageKey } from '../../ui/i18n';

/** Minimum time the button must have stayed still (and visible) before a click counts. */
export const STABLE_MS = 500;

export interface ClickFacts {
  isTrusted: boolean;
  /** `elementsFromPoint` at the click point put our host on top. */
  topmostIsHost: boolean;
  /**
   * The browser's own occlusion check (IntersectionObserver v2 `isVisible`) says something is drawn
   * over the button — it also sees see-through overlays with pointer-events: none, which hit-testing misses.
   * False where the browser has no such check (Firefox).
   */
  occluded?: boolean;
  /** Lowest computed opacity over the host and its ancestors (1 when fully opaque). */
  minOpacity: number;
  /** The host or an ancestor is visibility:hidden, display:none or filtered away. */
  hidden: boolean;
  /** The button's position changed between pointerdown and click. */
  movedDuringClick: boolean;
  msSinceMoved: number;
  msSinceShown: number;
}

export type ClickVerdict = { safe: true } | { safe: false; reason: 'untrusted' | 'covered' | 'transparent' | 'hidden' | 'moved' };

/**
 * Clickjacking checks for the in-field button: a page could cover it, make it transparent, or slide it
 * under the pointer to harvest a click meant for something else. Any of these refuses the click.
 */
export const clickIsSafe = (facts: ClickFacts): ClickVerdict => {
  if (!facts.isTrusted) return { safe: false, reason: 'untrusted' };
  if (facts.hidden) return { safe: false, reason: 'hidden' };
  if (!(facts.minOpacity >= 1)) return { safe: false, reason: 'transparent' };
  if (!facts.topmostIsHost || facts.occluded) return { safe: false, reason: 'covered' };
  if (facts.movedDuringClick || facts.msSinceMoved < STABLE_MS || facts.msSinceShown < STABLE_MS)
    return { safe: false, reason: 'moved' };
  return { safe: true };
};

/** The message key of each refusal (read through words() where it is shown). */
export const REFUSAL_TEXT: Record<Exclude<ClickVerdict, { safe: true }>['reason'], MessageKey> = {
  untrusted: 'click_untrusted',
  covered: 'click_covered',
  transparent: 'click_transparent',
  hidden: 'click_hidden',
  moved: 'click_moved',
};
