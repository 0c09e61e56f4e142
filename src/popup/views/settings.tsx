import { useEffect, useState } from 'preact/hooks';
import type { Settings, VaultStatusReport } from '../../messaging/protocol';
import { NewPasswordFields, newPasswordProblem, useStrength } from '../components/new-password';
import { messageOf } from '../format';
import { useServices } from '../services';
import type { MessageKey } from '../../ui/i18n';
import { useI18n } from '../../ui/i18n-context';
import { ClipboardSetting } from './clipboard-setting';
import { TrustedSitesList } from './trusted-sites';

// The options page shows the same lists (it imports this module only).
export { ClipboardSetting, TrustedSitesList };

type Toggle = 'autoFill' | 'autoSubmit' | 'backupReminder' | 'sync';

const TOGGLES: { key: Toggle; label: MessageKey; hint: MessageKey }[] = [
  { key: 'autoFill', label: 'settings_autofill', hint: 'settings_autofill_hint' },
  { key: 'autoSubmit', label: 'settings_autosubmit', hint: 'settings_autosubmit_hint' },
  { key: 'backupReminder', label: 'settings_reminder', hint: 'settings_reminder_hint' },
  { key: 'sync', label: 'settings_sync', hint: 'settings_sync_hint' },
];

/** The settings form; also used by the options page. Each change is saved at once. */
export function SettingsForm() {
  const { client } = useServices();
  const { t } = useI18n();
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
      setMessage({ text: t('codes_saved'), error: false });
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    }
  }

  if (!settings) return message ? <p class="error">{message.text}</p> : <p>{t('settings_loading')}</p>;
  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <label for="auto-lock">{t('settings_auto_lock')}</label>
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
          else setMessage({ text: t('settings_auto_lock_range'), error: true });
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
          <label for={`setting-${key}`}>{t(label)}</label>
          <p class="hint">{t(hint)}</p>
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
  const i18n = useI18n();
  const { t } = i18n;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(next);

  async function submit(event: Event) {
    event.preventDefault();
    const refusal = current ? newPasswordProblem(next, confirm, strength, i18n) : t('settings_current_password_missing');
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
      setMessage({ text: t('settings_password_changed'), error: false });
      onStatus?.(status);
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="change-password" onSubmit={submit}>
      <h3>{t('settings_change_password')}</h3>
      <label for="current-password">{t('settings_current_password')}</label>
      <input
        id="current-password"
        type="password"
        autocomplete="current-password"
        value={current}
        onInput={(event) => setCurrent(event.currentTarget.value)}
      />
      <NewPasswordFields
        idPrefix="change"
        label={t('settings_new_password')}
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
        {t('settings_change_password')}
      </button>
    </form>
  );
}

export function SettingsView({ onStatus, onShowIntro }: { onStatus(status: VaultStatusReport): void; onShowIntro?(): void }) {
  const { platform } = useServices();
  const { t } = useI18n();
  return (
    <section class="panel" aria-label={t('settings_label')}>
      <SettingsForm />
      <ClipboardSetting />
      <TrustedSitesList />
      <ChangePassword onStatus={onStatus} />
      <p>
        <button type="button" class="link" onClick={() => platform.openOptions('backup')}>
          {t('settings_backup')}
        </button>
      </p>
      {onShowIntro && (
        <p>
          <button type="button" class="link" onClick={onShowIntro}>
            {t('settings_show_intro')}
          </button>
        </p>
      )}
    </section>
  );
}
