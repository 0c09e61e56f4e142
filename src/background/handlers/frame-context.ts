import type { FrameContext, Requester } from '../../core/policy/release';
import type { ContentScriptSender } from '../../messaging/router';
import { isWrittenWebDocument } from '../../messaging/sender';
import type { Services } from '../services';

/** The asking document as the browser's sender data describes it. */
export function requesterOf(sender: ContentScriptSender): Requester {
  return {
    frameId: sender.frameId,
    url: sender.frameUrl,
    ...(sender.origin !== undefined ? { origin: sender.origin } : {}),
    ...(sender.documentId !== undefined ? { documentId: sender.documentId } : {}),
    ...(sender.documentLifecycle !== undefined ? { documentLifecycle: sender.documentLifecycle } : {}),
  };
}

/**
 * The release policy's input, from the browser only: the sender's own data, and the chain of frames
 * from the tab's top page down to the sender read from the browser's frame tree at this moment.
 */
export async function frameContext(services: Services, sender: ContentScriptSender): Promise<FrameContext> {
  return { requester: requesterOf(sender), chain: await services.frameChain(sender.tabId, sender.frameId) };
}

/**
 * What a document is for warnings (never for releasing a code): its own URL, or for a document a web
 * page wrote itself (about:blank, about:srcdoc) the web origin that created it, as the browser reports.
 */
export function documentUrlForWarnings(sender: ContentScriptSender): string {
  return isWrittenWebDocument(sender.frameUrl, sender.origin) ? `${sender.origin}/` : sender.frameUrl;
}

/** The tab's top-level URL for display (verdicts, warnings): the browser's tab data; for the top frame, the frame is the page. */
export async function topUrlOf(services: Services, sender: ContentScriptSender): Promise<string | undefined> {
  return sender.frameId === 0 ? documentUrlForWarnings(sender) : (sender.tabUrl ?? (await services.tabUrl(sender.tabId)));
}
