import { useEffect, useState } from 'preact/hooks';
import type { VaultStatusReport } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';

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

function ForgotPassword({ onBack }: { onBack(): void }) {
  return (
    <section class="panel forgot" aria-labelledby="forgot-title">
      <h2 id="forgot-title">Forgot your password?</h2>
      <p>
        Your secrets are encrypted with your password, and nobody keeps a copy of it. Without the password they cannot
        be recovered.
      </p>
      <p>
        If you have a backup file protected with a different password, you can restore it into a new vault. Your sites
        will also let you sign in with their recovery codes, then set up two-step verification again.
      </p>
      <p>
        Starting a new vault will first save your old, still encrypted vault to a file, so nothing is lost should you
        remember the password later. This option is not available yet in this version.
      </p>
      <button type="button" onClick={onBack}>
        Back to unlock
      </button>
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

  if (forgot) return <ForgotPassword onBack={() => setForgot(false)} />;

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
        id="unlock-password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
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
