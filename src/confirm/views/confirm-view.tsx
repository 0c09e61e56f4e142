import { useEffect, useRef, useState } from 'preact/hooks';
import type { HeldCodeChoice, HeldCodeQuestion } from '../../messaging/protocol';
import { HostWithConfusables } from '../../ui/host-marks';
import type { UiClient } from '../../ui/ui-client';
import type { MessageKey } from '../../ui/i18n';
import { rich, slot, useI18n } from '../../ui/i18n-context';
import { reasonText } from '../../ui/reasons';

/** Like the browser's own permission prompts: a click that was already under way cannot say yes. */
export const ARM_AFTER_MS = 600;

const DONE_TEXT: Record<HeldCodeChoice, MessageKey> = {
  enter: 'confirm_done_enter',
  discard: 'confirm_done_discard',
};

/**
 * "Enter the held code anyway?", in an extension window no page can cover or click into. "Don't enter it"
 * has the focus, so an Enter still meant for the page picks the safe answer.
 */
export function ConfirmView({
  client,
  requestId,
  onClose,
  armAfterMs = ARM_AFTER_MS,
}: {
  client: UiClient;
  requestId: string;
  onClose(): void;
  /** "Enter it anyway" ignores clicks this soon after the question shows (a click already on its way). */
  armAfterMs?: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [question, setQuestion] = useState<HeldCodeQuestion | null>(null);
  const [armed, setArmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<HeldCodeChoice | null>(null);
  const safeChoice = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus once shown, so an Enter meant for something else lands there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the buttons appear
  useEffect(() => safeChoice.current?.focus(), [question]);
  useEffect(() => {
    client.send({ type: 'ui:held-code-describe', requestId }).then(setQuestion, (error: Error) => setProblem(error.message));
  }, [client, requestId]);

  useEffect(() => {
    if (!question) return;
    const timer = setTimeout(() => setArmed(true), armAfterMs);
    return () => clearTimeout(timer);
  }, [question, armAfterMs]);

  async function decide(choice: HeldCodeChoice) {
    try {
      const { decided } = await client.send({ type: 'ui:held-code-decide', requestId, choice });
      if (decided) setDone(choice);
      else setProblem(t('confirm_closed'));
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  if (done || problem || !question) {
    return (
      <main data-testid="confirm">
        {done ? <p data-testid="done">{t(DONE_TEXT[done])}</p> : problem ? <p class="error">{problem}</p> : <p>{t('confirm_loading')}</p>}
        {(done || problem) && (
          <button type="button" onClick={onClose}>
            {t('action_close')}
          </button>
        )}
      </main>
    );
  }
  const { page } = question;
  return (
    <main data-testid="confirm">
      <h1>{question.headline}</h1>
      <p>
        {rich(t('confirm_kept', question.digits, slot(0)), 
          <span class="host" data-testid="asking-host">
            <HostWithConfusables host={page.unicodeHost ?? ''} marks={page.confusables} />
          </span>)}
      </p>
      {page.reasons.length > 0 && (
        <ul>
          {page.reasons
            .map((reason) => reasonText(reason, i18n))
            .map((text) => (
              <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="primary" ref={safeChoice} onClick={() => decide('discard')}>
          {t('confirm_dont')}
        </button>
        <button type="button" class="danger" disabled={!armed} onClick={() => decide('enter')}>
          {t('confirm_enter')}
        </button>
      </div>
    </main>
  );
}
