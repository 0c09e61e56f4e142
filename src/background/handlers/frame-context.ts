import type { FrameContext } from '../../core/policy/release';
import type { ContentScriptSender } from '../../messaging/router';
import type { Services } from '../services';

/** The top-level URL comes from the browser's tab data; for the top frame, the frame is the page. */
export async function frameContext(services: Services, sender: ContentScriptSender): Promise<FrameContext> {
  const topUrl = sender.frameId === 0 ? sender.frameUrl : (sender.tabUrl ?? (await services.tabUrl(sender.tabId)));
  return { topUrl, frameUrl: sender.frameUrl, frameId: sender.frameId };
}
