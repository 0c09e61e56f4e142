import { builtInCatalogue } from '../../core/domain/catalogue/catalogue';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked } from '../handler-error';
import { previewDrafts } from '../preview';
import type { Services } from '../services';
import { draftsFromQrTexts } from './qr-texts';
import { reasonText } from '../../ui/reasons';
import { backgroundWords } from '../words';

/**
 * "Scan this page" (the page in front, as the browser has it): refuses a page the guard calls a lookalike (a phishing page showing a QR is an
 * attack on the account); otherwise proposes the page's registrable domain as the account's domain.
 */
export const scanTab =
  (services: Services): UiHandlers['ui:scan-tab'] =>
  async () => {
    requireUnlocked(services.vault.unlocked);
    const front = await services.frontTab();
    if (!front) throw new HandlerError('no-front-tab', 'OTP Guard could not tell which page is in front. Open it, then scan again.');
    const { id: tabId, url } = front;
    const verdict = services.guard.current().verdict(url);
    if (verdict.kind === 'lookalike') {
      throw new HandlerError(
        'lookalike-page',
        `Not enrolled: ${verdict.target.unicodeHost} imitates ${verdict.imitates.name} (${verdict.reasons.map((r) => reasonText(r, backgroundWords())).join('; ')}). Set up two-step verification on ${verdict.imitates.primaryDomain} itself.`,
      );
    }
    const image = await services.captureTab(tabId);
    // The verdict stands for the page that was captured only if the tab did not navigate meanwhile.
    if ((await services.tabUrl(tabId)) !== url) throw new HandlerError('page-changed', 'The page changed during the scan. Scan again.');
    const texts = await services.decodeQrImage(image);
    if (texts.length === 0) throw new HandlerError('no-qr', 'No QR code was found in the visible part of this page.');
    const { drafts, errors, unsupported } = draftsFromQrTexts(texts);
    // The page's own site, and when it is a catalogue brand's, all of that brand's domains.
    const brandDomains =
      verdict.kind === 'verified' && verdict.brand
        ? (builtInCatalogue.brands.find((brand) => brand.id === verdict.brand?.id)?.domains ?? [])
        : [];
    const pageDomains =
      (verdict.kind === 'verified' || verdict.kind === 'unknown') && verdict.target.scheme === 'https'
        ? [verdict.target.registrableDomain, ...brandDomains]
        : [];
    return previewDrafts(services, 'page', drafts, { pageDomains, errors, unsupported });
  };
