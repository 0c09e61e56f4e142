/**
 * What the popup says after a copy: the background clears the clipboard itself (an alarm, then an offscreen document
 * or Firefox's background page), so the popup only tells when and, once due, what happened.
 */
import type { I18n } from '../../ui/i18n';
import type { BackgroundClient } from '../client';
import type { TimerPort } from '../platform';

/** A little after the background's deadline, so its answer is the outcome, not "pending". */
const STATUS_GRACE_MS = 1500;

export function copiedText(t: I18n['t'], label: string, caution: string, clearsInMs: number | undefined): string {
  if (clearsInMs === undefined) return t('codes_copied_clear_yourself', label, caution);
  return t('codes_copied_will_clear', label, caution, Math.max(1, Math.round(clearsInMs / 1000)));
}

const OUTCOME_KEY = {
  cleared: 'codes_clipboard_cleared',
  changed: 'codes_clipboard_changed',
  failed: 'codes_clipboard_failed',
} as const;

/** After the deadline: ask the background what became of the copy and say it. Returns a cancel function. */
export function announceClearing(
  client: BackgroundClient,
  timers: TimerPort,
  clearsInMs: number,
  say: (text: string) => void,
  t: I18n['t'],
): () => void {
  return timers.after(clearsInMs + STATUS_GRACE_MS, () => {
    client.send({ type: 'ui:clipboard-status' }).then(
      (status) => {
        if (status.state === 'cleared' || status.state === 'changed' || status.state === 'failed') say(t(OUTCOME_KEY[status.state]));
      },
      () => undefined,
    );
  });
}
