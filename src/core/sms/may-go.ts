/**
 * May a code that names its site go into this field? The WICG draft's rule, on registrable
 * domains ("same site") taken from the browser's own tab and frame data:
 * - field in the top-level document: the code must name no embedded site, and its site must be the page's;
 * - field in a frame: the code must name an embedded site, the frame must be on it, every frame in
 *   between on it or on the top site, and the top-level page on the code's site.
 * E-mail codes name no embedded site; they may also go into a frame on the sender's own site (the
 * draft has no frame form for them). Anything unknown (no top page, an opaque frame, not https) holds.
 */
import type { BoundCode } from './types';

export interface CodeDestination {
  /** Registrable domain of the tab's top-level page; null when unknown or opaque. */
  topRegistrableDomain: string | null;
  /**
   * Registrable domain of the frame holding the field: omitted when the field is in the top-level
   * document itself, null when the frame's origin is opaque or unknown.
   */
  frameRegistrableDomain?: string | null;
  /** Registrable domains of the frames between the top page and the field's frame, outermost first. */
  ancestorRegistrableDomains?: readonly (string | null)[];
  /** Every document from the top page down to the field is https (origin-bound codes are https-only). */
  allHttps: boolean;
}

export type HeldReason = 'not-https' | 'unknown-page' | 'other-site' | 'frame-only-code' | 'not-for-frame' | 'frame-other-site' | 'ancestor-other-site';

export type MayGo = { allowed: true } | { allowed: false; reason: HeldReason; message: string };

const held = (reason: HeldReason, message: string): MayGo => ({ allowed: false, reason, message });

function heldOtherSite(code: BoundCode): MayGo {
  return held('other-site', `This code is for ${code.displaySite}, not this site.`);
}

function frameDecision(code: BoundCode, frame: string, destination: CodeDestination): MayGo {
  const embedded = code.embedded;
  if (embedded === null) {
    if (code.source === 'email' && frame === code.site) return { allowed: true };
    return held('not-for-frame', `This code is for ${code.displaySite}'s own page, not a frame inside it.`);
  }
  if (frame !== embedded.site) return held('frame-other-site', `This code is for ${embedded.displaySite} inside ${code.displaySite}, not this frame.`);
  for (const ancestor of destination.ancestorRegistrableDomains ?? []) {
    if (ancestor === null || (ancestor !== embedded.site && ancestor !== code.site)) {
      return held('ancestor-other-site', `This code is for ${embedded.displaySite} inside ${code.displaySite}; a frame from another site is in between.`);
    }
  }
  return { allowed: true };
}

export function originBoundCodeMayGo(code: BoundCode, destination: CodeDestination): MayGo {
  if (!destination.allHttps) return held('not-https', `This code is for ${code.displaySite}; this page is not a secure (https) page.`);
  const top = destination.topRegistrableDomain;
  if (top === null || top === '') return held('unknown-page', `This code is for ${code.displaySite}; OTP Guard cannot tell which site this is.`);
  if (top !== code.site) return heldOtherSite(code);
  if (destination.frameRegistrableDomain === undefined) {
    if (code.embedded !== null) {
      return held('frame-only-code', `This code is for ${code.embedded.displaySite} inside ${code.displaySite}, not for ${code.displaySite}'s page itself.`);
    }
    return { allowed: true };
  }
  const frame = destination.frameRegistrableDomain;
  if (frame === null || frame === '') return held('unknown-page', `This code is for ${code.displaySite}; OTP Guard cannot tell which site this frame is.`);
  return frameDecision(code, frame, destination);
}
