import { useEffect, useState } from 'preact/hooks';
import type { Settings, VaultStatusReport } from '../../messaging/protocol';
import { NewPasswordFields, newPasswordProblem, useStrength } from '../components/new-password';
import { messageOf } from '../format';
import { useServices } from '../services';
import { ClipboardSetting } from './clipboard-setting';
import { TrustedSitesList } from './trusted-sites';

// The options page shows the same lists (it imports this module only).
export { ClipboardSetting, TrustedSitesList };

type Toggle = 'autoFill' | 'autoSubmit' | 'backupReminder' | 'sync';

const TOGGLES: { key: Toggle; label: string; hint: string }[] = [
  {
    key: 'autoFill',
    label: 'Fill codes by themselves on verified sites',
    hint: 'Only on a site listed for the account. Lookalike sites never get a code.',
  },
  { key: 'autoSubmit', label: 'Submit the form after filling', hint: 'Saves a click; leave off if a site misbehaves.' },
  { key: 'backupReminder', label: 'Remind me to make a backup', hint: 'Shown after you add accounts.' },
  {
    key: 'sync',
    label: 'Sync through my browser account',
    hint: 'Only the encrypted vault goes to your browser’s sync: your password and secrets never leave this device unencrypted.',
  },
];

/** The settings form; also used by the options page. Each change is saved at once. */
export function SettingsForm() {
  const { client } = useServices();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [minutes, setMinutes] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    client.send({ type: 'ui:get-settings' }).then(
      (loaded) => {
        setSettings(loaded);
        setMinutes(String(loaded.autoLockMinutes));
      },
      (error) => setMessage({ text: messageOf(error), error: true }),
    );
  }, [client]);

  async function save(patch: Partial<Settings>) {
    try {
      const saved = await client.send({ type: 'ui:set-settings', patch });
      setSettings(saved);
      setMinutes(String(saved.autoLockMinutes));
      setMessage({ text: 'Saved.', error: false });
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    }
  }

  if (!settings) return message ? <p class="error">{message.text}</p> : <p>Loading settings…</p>;
  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <label for="auto-lock">Lock after this many idle minutes</label>
      <input
        id="auto-lock"
        type="number"
        min={1}
        max={1440}
        value={minutes}
        onInput={(event) => setMinutes(event.currentTarget.value)}
        onChange={() => {
          const value = Number(minutes);
          if (Number.isFinite(value) && value >= 1 && value <= 1440) save({ autoLockMinutes: value });
          else setMessage({ text: 'Choose between 1 and 1440 minutes.', error: true });
        }}
      />
      {TOGGLES.map(({ key, label, hint }) => (
        <div key={key} class="toggle">
          <input
            id={`setting-${key}`}
            type="checkbox"
            checked={settings[key]}
            onChange={(event) => save({ [key]: event.currentTarget.checked })}
          />
          <label for={`setting-${key}`}>{label}</label>
          <p class="hint">{hint}</p>
        </div>
      ))}
      {/* Always present: a live region announces what changes in it. */}
      <p class={message?.error ? 'error' : 'notice'} role="status">
        {message?.text}
      </p>
    </form>
  );
}

export function ChangePassword({ onStatus }: { onStatus?(status: VaultStatusReport): void }) {
  const { client } = useServices();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(next);

  async function submit(event: Event) {
    event.preventDefault();
    const refusal = current ? newPasswordProblem(next, confirm, strength) : 'Type your current password.';
    if (refusal) {
      setMessage({ text: refusal, error: true });
      return;
    }
    setBusy(true);
    try {
      const status = await client.send({ type: 'ui:change-password', current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setMessage({ text: 'Password changed. Use the new one from now on.', error: false });
      onStatus?.(status);
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="change-password" onSubmit={submit}>
      <h3>Change password</h3>
      <label for="current-password">Current password</label>
      <input
        id="current-password"
        type="password"
        autocomplete="current-password"
        value={current}
        onInput={(event) => setCurrent(event.currentTarget.value)}
      />
      <NewPasswordFields
        idPrefix="change"
        label="New password"
        password={next}
        confirm={confirm}
        onPassword={setNext}
        onConfirm={setConfirm}
        strength={strength}
      />
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Change password
      </button>
    </form>
  );
}

export function SettingsView({ onStatus }: { onStatus(status: VaultStatusReport): void }) {
  const { platform } = useServices();
  return (
    <section class="panel" aria-label="Settings">
      <SettingsForm />
      <ClipboardSetting />
      <TrustedSitesList />
      <ChangePassword onStatus={onStatus} />
      <p>
        <button type="button" class="link" onClick={() => platform.openOptions('backup')}>
          Backup and restore
        </button>
      </p>
    </section>
  );
}
