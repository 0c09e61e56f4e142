/**
 * What the popup says after a copy: the background clears the clipboard itself (an alarm, then an offscreen document
 * or Firefox's background page), so the popup only tells when and, once due, what happened.
 */
import type { BackgroundClient } from '../client';
import type { TimerPort } from '../platform';

/** A little after the background's deadline, so its answer is the outcome, not "pending". */
const STATUS_GRACE_MS = 1500;

export function copiedText(label: string, caution: string, clearsInMs: number | undefined): string {
  if (clearsInMs === undefined) return `Copied the code for ${label}.${caution} The clipboard is not cleared by itself (see Settings).`;
  return `Copied the code for ${label}.${caution} Will be cleared in ${Math.max(1, Math.round(clearsInMs / 1000))} s.`;
}

const OUTCOME_TEXT = {
  cleared: 'Cleared: the code is no longer on the clipboard.',
  changed: 'Not cleared: the clipboard holds something you copied since.',
  failed: 'Could not clear the clipboard. Clear it yourself.',
} as const;

/** After the deadline: ask the background what became of the copy and say it. Returns a cancel function. */
export function announceClearing(
  client: BackgroundClient,
  timers: TimerPort,
  clearsInMs: number,
  say: (text: string) => void,
): () => void {
  return timers.after(clearsInMs + STATUS_GRACE_MS, () => {
    client.send({ type: 'ui:clipboard-status' }).then(
      (status) => {
        if (status.state === 'cleared' || status.state === 'changed' || status.state === 'failed') say(OUTCOME_TEXT[status.state]);
      },
      () => undefined,
    );
  });
}
