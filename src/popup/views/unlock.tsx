import { useEffect, useRef, useState } from 'preact/hooks';
import type { VaultStatusReport } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';
import { useFocusOnMount } from '../components/focus';

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
      <h2 id="forgot-title">Forgot your password?</h2>
      <p>
        Your secrets are encrypted with your password, and nobody keeps a copy of it. Without the password they cannot
        be recovered.
      </p>
      <p>
        Your sites still let you in with their recovery codes; then set up two-step verification again. If you have a
        backup file with a password you remember, you can restore it into a new vault.
      </p>
      <h3>Start a new vault</h3>
      <p>
        First save your old vault to a file. It stays encrypted: should you remember the password later, restore it
        from “Backup and restore”.
      </p>
      <button type="button" disabled={busy} onClick={saveOldVault} ref={firstAction}>
        {saved ? 'Save the file again' : 'Save my old vault to a file'}
      </button>
      {saved && (
        <p class="notice" role="status">
          Saved {saved.fileName}. Keep it somewhere safe.
        </p>
      )}
      {saved &&
        (confirming ? (
          <div
            class="confirm"
            role="alertdialog"
            aria-label="Delete the old vault?"
            onKeyDown={(event) => event.key === 'Escape' && setConfirming(false)}
          >
            <p>
              Delete the old vault from OTP Guard and start a new one? Your old codes will only be in the file you saved.
            </p>
            <div class="actions">
              <button type="button" class="danger" disabled={busy} onClick={startOver}>
                Delete and start over
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Start a new vault
          </button>
        ))}
      <Problem text={problem} />
      <p>
        <button type="button" class="link" onClick={onBack}>
          Back to unlock
        </button>
      </p>
    </section>
  );
}

export function Unlock({ status, onStatus }: { status: VaultStatusReport; onStatus(status: VaultStatusReport): void }) {
  const { client } = useServices();
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
      setProblem('Type your password.');
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
      <h2>Unlock OTP Guard</h2>
      <label for="unlock-password">Password</label>
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
          Too many tries. You can try again in {secondsLeft} s.
        </p>
      )}
      <button type="submit" disabled={busy || secondsLeft > 0}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
      <button type="button" class="link" onClick={() => setForgot(true)}>
        Forgot password?
      </button>
    </form>
  );
}
