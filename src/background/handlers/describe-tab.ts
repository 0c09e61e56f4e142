import type { UiHandlers } from '../../messaging/router';
import { fillAccountOn } from '../fills-here';
import { pageReport } from '../page-report';
import type { Services } from '../services';

/** The page in front, as the browser has it: never named by the popup or the page. */
export const describeTab =
  (services: Services): UiHandlers['ui:describe-tab'] =>
  async () => {
    const front = await services.frontTab();
    const report = pageReport(services.guard.current().verdict(front?.url ?? ''));
    const fillAccount = fillAccountOn(services, front?.url);
    return fillAccount ? { ...report, fillAccount } : report;
  };
