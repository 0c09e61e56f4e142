/** Turns the core's verdict into what the popup's "This page" panel shows. */
import type { Verdict } from '../core/domain/guard';
import type { PageReport } from '../messaging/protocol';
import type { I18n, MessageKey } from '../ui/i18n';
import { backgroundWords } from './words';

const NOT_A_WEBSITE_TEXT: Record<string, MessageKey> = {
  'ip-address': 'notweb_ip_address',
  localhost: 'notweb_localhost',
  file: 'notweb_file',
  'extension-page': 'notweb_extension_page',
  'browser-page': 'notweb_browser_page',
  'other-scheme': 'notweb_other_scheme',
  'no-registrable-domain': 'notweb_no_registrable_domain',
};

/** `i18n`: the words for why a page is not a website (the browser's language). */
export function pageReport(verdict: Verdict, { t }: I18n = backgroundWords()): PageReport {
  const base = { reasons: [] as PageReport['reasons'], confusables: [] as PageReport['confusables'], trustedByUser: false };
  switch (verdict.kind) {
    case 'not-a-website':
      return {
        ...base,
        verdict: 'not-a-website',
        notWebsiteReason: t(NOT_A_WEBSITE_TEXT[verdict.reason] ?? 'notweb_other_scheme'),
      };
    case 'invalid':
      return { ...base, verdict: 'not-a-website', notWebsiteReason: t('notweb_unreadable', verdict.reason) };
    default: {
      const target = verdict.target;
      const host = {
        scheme: target.scheme,
        asciiHost: target.asciiHost,
        unicodeHost: target.unicodeHost,
        registrableDomain: target.registrableDomain,
        unicodeRegistrableDomain: target.unicodeRegistrableDomain,
      };
      if (verdict.kind === 'verified') {
        return {
          ...base,
          ...host,
          verdict: 'verified',
          ...(verdict.brand ? { brand: { name: verdict.brand.name, primaryDomain: verdict.brand.primaryDomain } } : {}),
        };
      }
      if (verdict.kind === 'lookalike') {
        return {
          ...base,
          ...host,
          verdict: 'lookalike',
          imitates: { name: verdict.imitates.name, primaryDomain: verdict.imitates.primaryDomain },
          reasons: verdict.reasons,
          confusables: verdict.confusables,
        };
      }
      return { ...base, ...host, verdict: 'unknown', trustedByUser: verdict.trustedByUser };
    }
  }
}
