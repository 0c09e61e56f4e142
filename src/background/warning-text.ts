import type { Verdict } from '../core/domain/guard';
import { warningLevel } from '../core/policy/warning-level';
import type { PageState } from '../messaging/protocol';

/** The words of the in-page warning, decided in the background and only displayed by the page. */
export function warningFor(verdict: Extract<Verdict, { kind: 'lookalike' }>): NonNullable<PageState['warning']> {
  const real = verdict.imitates;
  return {
    headline: `This is not ${real.primaryDomain}. ${real.name} never asks for your code here.`,
    details: [
      `You are on ${verdict.target.unicodeHost}, which imitates ${real.name}.`,
      ...verdict.reasons.map((reason) => reason.text),
    ],
    realSiteUrl: `https://${real.primaryDomain}/`,
    realSiteName: real.primaryDomain,
    ...(warningLevel(verdict) === 'badge' ? { banner: false as const } : {}),
  };
}
