import { linkInText } from '../../core/domain/pasted-link';
import type { CheckedLink } from '../../messaging/protocol-store';
import { HandlerError, type UiHandlers } from '../../messaging/router';
import { pageReport } from '../page-report';
import type { Services } from '../services';

/** The same verdict and report as the page panel, for an address that was never opened. */
function judge(services: Services, link: string): CheckedLink {
  return { checked: link, report: pageReport(services.guard.current().verdict(link)) };
}

/** A link or address the user pasted (an SMS, a chat, an e-mail): its first link is judged. */
export const checkLink =
  (services: Services): UiHandlers['ui:check-link'] =>
  async ({ text }) => {
    const link = linkInText(text);
    if (!link) throw new HandlerError('bad-domain', 'No link or web address found in that text.');
    return judge(services, link);
  };

/** The link of the last right-click "Check this link". */
export const menuLink =
  (services: Services): UiHandlers['ui:menu-link'] =>
  async () => {
    const link = await services.menuLink.last();
    if (!link) throw new HandlerError('not-found', 'No link to check. Right-click a link and choose “Check this link”.');
    return judge(services, link);
  };
