import { createUiHost, h, isTrustedEvent, onTrustedClick } from './host';
import { words } from './words';

export interface LookalikeBannerContent {
  headline: string;
  details: string[];
  /** Only an https: URL is linked; anything else is ignored. */
  realSiteUrl?: string;
  realSiteName?: string;
  /** Called when the user follows the "Go to the real site" link (before it navigates). */
  onRealSite?: () => void;
  onTrust?: () => void;
}

const CSS =
  ':host{left:0!important;top:0!important;width:100%!important}' +
  '.b{background:#b00020;color:#fff;padding:10px 16px;box-shadow:0 2px 8px #0006;display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center}' +
  'strong{font-size:15px;font-weight:700;flex:1 1 100%}ul{margin:0;padding-left:18px;flex:1 1 auto}' +
  'a,button{background:#fff;color:#b00020;border:0;border-radius:4px;padding:6px 10px;cursor:pointer;font-weight:600;text-decoration:none}' +
  'button.t{background:transparent;color:#fff;border:1px solid #fff}';

const safeHttpsUrl = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};

/**
 * Shows a full-width warning at the top of a lookalike page. Works before <body> exists.
 * Page scripts can neither read nor restyle it, and removing it only makes it come back.
 */
export const showLookalikeBanner = (doc: Document, content: LookalikeBannerContent): { remove(): void } => {
  const ui = createUiHost(doc, 'otp-guard-banner', CSS);
  const box = h(doc, 'div', 'b');
  box.setAttribute('role', 'alert');
  box.append(h(doc, 'strong', '', content.headline));
  if (content.details.length > 0) {
    const list = h(doc, 'ul');
    for (const detail of content.details) list.append(h(doc, 'li', '', detail));
    box.append(list);
  }
  const realSite = safeHttpsUrl(content.realSiteUrl);
  if (realSite) {
    const { t } = words();
    const link = h(doc, 'a', '', content.realSiteName ? t('banner_go_to', content.realSiteName) : t('banner_go_real'));
    link.href = realSite;
    link.target = '_top';
    link.rel = 'noopener noreferrer';
    link.addEventListener('click', (event) => {
      if (isTrustedEvent(event)) content.onRealSite?.();
      else event.preventDefault();
    });
    box.append(link);
  }
  if (content.onTrust) {
    const trust = h(doc, 'button', 't', words().t('banner_trust'));
    trust.type = 'button';
    onTrustedClick(trust, content.onTrust);
    box.append(trust);
  }
  ui.root.append(box);
  return { remove: () => ui.remove() };
};
