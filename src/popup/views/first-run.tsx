import { useState } from 'preact/hooks';
import type { VaultStatusReport } from '../../messaging/protocol';
import { NewPasswordFields, newPasswordProblem, useStrength } from '../components/new-password';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';

/** First run: the user chooses the vault password. There is no plaintext mode, so this step cannot be skipped. */
export function FirstRun({ onStatus }: { onStatus(status: VaultStatusReport): void }) {
  const { client } = useServices();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(password);

  async function submit(event: Event) {
    event.preventDefault();
    const refusal = newPasswordProblem(password, confirm, strength);
    setProblem(refusal);
    if (refusal) return;
    setBusy(true);
    try {
      onStatus(await client.send({ type: 'ui:create-vault', password }));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="panel first-run" onSubmit={submit}>
      <h2>Choose a password</h2>
      <p>OTP Guard keeps your sign-in secrets encrypted with this password. You type it to unlock your codes.</p>
      <p class="important">
        If you forget this password, your secrets cannot be recovered — not by OTP Guard, not by anyone. Write it down
        somewhere safe, and keep a backup.
      </p>
      <NewPasswordFields
        idPrefix="first-run"
        label="Password"
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        strength={strength}
        focusFirst
      />
      <Problem text={problem} />
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create my vault'}
      </button>
    </form>
  );
}
