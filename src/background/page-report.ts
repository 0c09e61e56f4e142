/** Turns the core's verdict into what the popup's "This page" panel shows. */
import type { Verdict } from '../core/domain/guard';
import type { PageReport } from '../messaging/protocol';

const NOT_A_WEBSITE_TEXT: Record<string, string> = {
  'ip-address': 'This is an IP address, not a website name.',
  localhost: 'This is a page on this computer (localhost).',
  file: 'This is a file on this computer.',
  'extension-page': 'This is a browser extension page.',
  'browser-page': 'This is a page of the browser itself.',
  'other-scheme': 'This is not a web page.',
  'no-registrable-domain': 'This address has no registrable domain.',
};

export function pageReport(verdict: Verdict): PageReport {
  const base = { reasons: [] as PageReport['reasons'], confusables: [] as PageReport['confusables'], trustedByUser: false };
  switch (verdict.kind) {
    case 'not-a-website':
      return {
        ...base,
        verdict: 'not-a-website',
        notWebsiteReason: NOT_A_WEBSITE_TEXT[verdict.reason] ?? verdict.reason,
      };
    case 'invalid':
      return { ...base, verdict: 'not-a-website', notWebsiteReason: `This address could not be read: ${verdict.reason}` };
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
