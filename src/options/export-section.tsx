import { useState } from 'preact/hooks';
import { messageOf } from '../popup/format';
import { useServices } from '../popup/services';
import type { MessageKey } from '../ui/i18n';
import { useI18n } from '../ui/i18n-context';

type Format = 'otpauth' | 'aegis';
type Note = { text: string; error: boolean } | null;

const FORMATS: { id: Format; label: MessageKey; hint: MessageKey }[] = [
  { id: 'otpauth', label: 'options_export_otpauth_label', hint: 'options_export_otpauth_hint' },
  { id: 'aegis', label: 'options_export_aegis_label', hint: 'options_export_aegis_hint' },
];

/**
 * Moving to another app: every account with its secret, NOT encrypted. The warning comes first and stays on screen;
 * the password is checked by the background, which alone writes the secrets into the file's text.
 */
export function ExportSection() {
  const { client, platform } = useServices();
  const { t, plural } = useI18n();
  const [format, setFormat] = useState<Format>('otpauth');
  const [understood, setUnderstood] = useState(false);
  const [password, setPassword] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!understood) return setNote({ text: t('options_export_tick_first'), error: true });
    if (!password) return setNote({ text: t('options_export_need_password'), error: true });
    setBusy(true);
    try {
      const file = await client.send({ type: 'ui:export-for-apps', password, format });
      platform.downloadText(file.fileName, file.fileText);
      setNote({ text: plural('options_export_saved', file.accounts, file.fileName, file.accounts), error: false });
      setPassword('');
      setUnderstood(false);
    } catch (error) {
      setNote({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="export-apps-title" class="export-apps">
      <h3 id="export-apps-title">{t('options_export_title')}</h3>
      <p class="warn" data-testid="export-warning">
        {t('options_export_warning')}
      </p>
      <fieldset>
        <legend>{t('options_export_format')}</legend>
        {FORMATS.map((item) => (
          <label key={item.id}>
            <input type="radio" name="export-format" checked={format === item.id} onChange={() => setFormat(item.id)} />{' '}
            {t(item.label)} <span class="hint">{t(item.hint)}</span>
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.currentTarget.checked)} />{' '}
        {t('options_export_understand')}
      </label>
      <label for="export-apps-password">{t('options_export_password')}</label>
      <input
        id="export-apps-password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      {note && (
        <p class={note.error ? 'error' : 'notice'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      <button type="submit" class="danger" disabled={busy || !understood}>
        {t('options_export_submit')}
      </button>
    </form>
  );
}
