/** The toolbar badge per tab: ✓ on a verified page, ! on a lookalike, nothing otherwise. */
import type { Verdict } from '../core/domain/guard';

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(verdict: Verdict): BadgeLook {
  if (verdict.kind === 'verified' && verdict.target.scheme === 'https') {
    const name = verdict.brand?.name ?? verdict.target.unicodeRegistrableDomain;
    return { text: '✓', color: '#1a7f37', title: `OTP Guard: verified — ${name}` };
  }
  if (verdict.kind === 'lookalike') {
    return { text: '!', color: '#cf222e', title: `OTP Guard: warning — this site imitates ${verdict.imitates.name}` };
  }
  return { text: '', color: '#57606a', title: 'OTP Guard' };
}
