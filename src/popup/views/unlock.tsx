import { useEffect, useRef, useState } from 'preact/hooks';
import type { VaultStatusReport } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';
import { useFocusOnMount } from '../components/focus';
import { useI18n } from '../../ui/i18n-context';

/** Seconds left before another try is allowed, counted down locally; restarts with every new status. */
function useRetryCountdown(status: VaultStatusReport): number {
  const { timers } = useServices().platform;
  const [secondsLeft, setSecondsLeft] = useState(Math.ceil(status.retryAfterMs / 1000));
  useEffect(() => {
    const until = timers.now() + status.retryAfterMs;
    setSecondsLeft(Math.ceil(status.retryAfterMs / 1000));
    if (status.retryAfterMs <= 0) return;
    return timers.every(1000, () => setSecondsLeft(Math.max(0, Math.ceil((until - timers.now()) / 1000))));
  }, [timers, status]);
  return secondsLeft;
}

/**
 * Forgotten password: nothing can be decrypted, so the only way forward is a new vault. The old one is first saved
 * to a file (still encrypted), and the background deletes it only when handed that same file back.
 */
function ForgotPassword({ onBack, onStatus }: { onBack(): void; onStatus(status: VaultStatusReport): void }) {
  const { client, platform } = useServices();
  const { t } = useI18n();
  const [saved, setSaved] = useState<{ fileName: string; fileText: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstAction = useFocusOnMount<HTMLButtonElement>();

  async function saveOldVault() {
    setBusy(true);
    setProblem(null);
    try {
      const file = await client.send({ type: 'ui:export-raw-vault' });
      platform.downloadText(file.fileName, file.fileText);
      setSaved(file);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  async function startOver() {
    if (!saved) return;
    setBusy(true);
    setProblem(null);
    try {
      onStatus(await client.send({ type: 'ui:start-over', exportedText: saved.fileText }));
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  }

  return (
    <section class="panel forgot" aria-labelledby="forgot-title">
      <h2 id="forgot-title">{t('forgot_title')}</h2>
      <p>{t('forgot_no_copy')}</p>
      <p>{t('forgot_recovery')}</p>
      <h3>{t('forgot_new_vault_title')}</h3>
      <p>{t('forgot_save_first')}</p>
      <button type="button" disabled={busy} onClick={saveOldVault} ref={firstAction}>
        {saved ? t('forgot_save_again') : t('forgot_save')}
      </button>
      {saved && (
        <p class="notice" role="status">
          {t('forgot_saved', saved.fileName)}
        </p>
      )}
      {saved &&
        (confirming ? (
          <div
            class="confirm"
            role="alertdialog"
            aria-label={t('forgot_delete_title')}
            onKeyDown={(event) => event.key === 'Escape' && setConfirming(false)}
          >
            <p>{t('forgot_delete_question')}</p>
            <div class="actions">
              <button type="button" class="danger" disabled={busy} onClick={startOver}>
                {t('forgot_delete_confirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('action_cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('forgot_new_vault_title')}
          </button>
        ))}
      <Problem text={problem} />
      <p>
        <button type="button" class="link" onClick={onBack}>
          {t('forgot_back')}
        </button>
      </p>
    </section>
  );
}

export function Unlock({ status, onStatus }: { status: VaultStatusReport; onStatus(status: VaultStatusReport): void }) {
  const { client } = useServices();
  const { t, plural } = useI18n();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);
  const secondsLeft = useRetryCountdown(status);
  const passwordField = useRef<HTMLInputElement>(null);
  // The password field has the focus when the screen opens and again after "Back to unlock".
  useEffect(() => {
    if (!forgot) passwordField.current?.focus();
  }, [forgot]);

  if (forgot) return <ForgotPassword onBack={() => setForgot(false)} onStatus={onStatus} />;

  async function submit(event: Event) {
    event.preventDefault();
    if (!password) {
      setProblem(t('unlock_type_password'));
      return;
    }
    setBusy(true);
    try {
      const next = await client.send({ type: 'ui:unlock', password });
      setPassword('');
      onStatus(next);
    } catch (error) {
      setProblem(messageOf(error));
      // The background may now ask us to wait before the next try: learn how long.
      try {
        onStatus(await client.send({ type: 'ui:vault-status' }));
      } catch {
        // Keep the form; the message above already says what went wrong.
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="panel unlock" onSubmit={submit}>
      <h2>{t('unlock_title')}</h2>
      <label for="unlock-password">{t('password_label')}</label>
      <input
        ref={passwordField}
        id="unlock-password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      <Problem text={problem} />
      {secondsLeft > 0 && (
        <p class="hint" aria-live="polite" data-testid="retry-countdown">
          {plural('unlock_retry', secondsLeft, secondsLeft)}
        </p>
      )}
      <button type="submit" disabled={busy || secondsLeft > 0}>
        {busy ? t('unlock_busy') : t('unlock_button')}
      </button>
      <button type="button" class="link" onClick={() => setForgot(true)}>
        {t('unlock_forgot')}
      </button>
    </form>
  );
}
