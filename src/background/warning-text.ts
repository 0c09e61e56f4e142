import type { Verdict } from '../core/domain/guard';
import { warningLevel } from '../core/policy/warning-level';
import type { PageState } from '../messaging/protocol';
import type { I18n } from '../ui/i18n';
import { reasonText } from '../ui/reasons';
import { backgroundWords } from './words';

/**
 * The words of the in-page warning, decided in the background (in the browser's language) and only displayed
 * by the page. The host is named with its real spelling beside it when the two differ (punycode).
 */
export function warningFor(verdict: Extract<Verdict, { kind: 'lookalike' }>, i18n: I18n = backgroundWords()): NonNullable<PageState['warning']> {
  const real = verdict.imitates;
  const { t } = i18n;
  const { unicodeHost, asciiHost } = verdict.target;
  return {
    headline: t('banner_headline', real.primaryDomain, real.name),
    details: [
      unicodeHost !== asciiHost || verdict.confusables.length > 0
        ? t('banner_you_are_on', markedHost(unicodeHost, verdict.confusables), asciiHost, real.name)
        : t('banner_you_are_on_plain', unicodeHost, real.name),
      ...verdict.reasons.map((reason) => reasonText(reason, i18n)),
    ],
    realSiteUrl: `https://${real.primaryDomain}/`,
    realSiteName: real.primaryDomain,
    ...(warningLevel(verdict) === 'badge' ? { banner: false as const } : {}),
  };
}

/** The host with each impostor character bracketed ("www.[а]mazon.com"): the banner is plain text. */
function markedHost(host: string, marks: readonly { index: number }[]): string {
  const at = new Set(marks.map((mark) => mark.index));
  let out = '';
  let index = 0;
  for (const ch of host) {
    out += at.has(index) ? `[${ch}]` : ch;
    index += ch.length;
  }
  return out;
}
