import type { UiHandlers } from '../../messaging/router';
import { pageReport } from '../page-report';
import type { Services } from '../services';

/** The popup names a tab; its URL comes from the browser, never from the popup or the page. */
export const describeTab =
  (services: Services): UiHandlers['ui:describe-tab'] =>
  async ({ tabId }) => {
    const url = await services.tabUrl(tabId);
    return pageReport(services.guard.current().verdict(url ?? ''));
  };
