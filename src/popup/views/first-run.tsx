import { useState } from 'preact/hooks';
import type { VaultStatusReport } from '../../messaging/protocol';
import { NewPasswordFields, newPasswordProblem, useStrength } from '../components/new-password';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';
import { useI18n } from '../../ui/i18n-context';

/** First run: the user chooses the vault password. There is no plaintext mode, so this step cannot be skipped. */
export function FirstRun({ onStatus }: { onStatus(status: VaultStatusReport): void }) {
  const { client } = useServices();
  const i18n = useI18n();
  const { t } = i18n;
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(password);

  async function submit(event: Event) {
    event.preventDefault();
    const refusal = newPasswordProblem(password, confirm, strength, i18n);
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
      <h2>{t('first_run_title')}</h2>
      <p>{t('first_run_intro')}</p>
      <p class="important">{t('first_run_forget_warning')}</p>
      <NewPasswordFields
        idPrefix="first-run"
        label={t('password_label')}
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        strength={strength}
        focusFirst
      />
      <Problem text={problem} />
      <button type="submit" disabled={busy}>
        {busy ? t('first_run_creating') : t('first_run_create')}
      </button>
    </form>
  );
}
