import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../ui/i18n-context';
import { messageOf } from '../format';
import { useServices } from '../services';

const MIN_SECONDS = 5;
const MAX_SECONDS = 600;

/** "Clear the clipboard after … seconds" (0 turns it off). Saved on change, like the other settings. */
export function ClipboardSetting() {
  const { client } = useServices();
  const { t } = useI18n();
  const [seconds, setSeconds] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    client.send({ type: 'ui:get-settings' }).then(
      (settings) => setSeconds(String(settings.clipboardClearSeconds)),
      (error) => setMessage({ text: messageOf(error), error: true }),
    );
  }, [client]);

  async function save() {
    const value = Number(seconds);
    if (!(value === 0 || (Number.isInteger(value) && value >= MIN_SECONDS && value <= MAX_SECONDS))) {
      setMessage({ text: t('settings_clipboard_range', MIN_SECONDS, MAX_SECONDS), error: true });
      return;
    }
    try {
      const saved = await client.send({ type: 'ui:set-settings', patch: { clipboardClearSeconds: value } });
      setSeconds(String(saved.clipboardClearSeconds));
      setMessage({ text: t('settings_clipboard_saved'), error: false });
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    }
  }

  if (seconds === null) return message ? <p class="error">{message.text}</p> : null;
  return (
    <div class="clipboard-setting">
      <label for="clipboard-clear">{t('settings_clipboard_label')}</label>
      <input
        id="clipboard-clear"
        type="number"
        min={0}
        max={MAX_SECONDS}
        value={seconds}
        onInput={(event) => setSeconds(event.currentTarget.value)}
        onChange={() => save()}
      />
      <p class="hint">{t('settings_clipboard_hint')}</p>
      <p class={message?.error ? 'error' : 'notice'} role="status">
        {message?.text}
      </p>
    </div>
  );
}
