import { useState } from 'preact/hooks';
import { messageOf } from '../popup/format';
import { useServices } from '../popup/services';

type Format = 'otpauth' | 'aegis';
type Note = { text: string; error: boolean } | null;

const FORMATS: { id: Format; label: string; hint: string }[] = [
  { id: 'otpauth', label: 'otpauth:// links, one per line', hint: 'Most authenticator apps and password managers import these.' },
  { id: 'aegis', label: 'Aegis (plain JSON)', hint: 'For Aegis, and apps that import Aegis files (2FAS, Ente Auth, …).' },
];

/**
 * Moving to another app: every account with its secret, NOT encrypted. The warning comes first and stays on screen;
 * the password is checked by the background, which alone writes the secrets into the file's text.
 */
export function ExportSection() {
  const { client, platform } = useServices();
  const [format, setFormat] = useState<Format>('otpauth');
  const [understood, setUnderstood] = useState(false);
  const [password, setPassword] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!understood) return setNote({ text: 'Tick the box first: the file will not be encrypted.', error: true });
    if (!password) return setNote({ text: 'Type your vault password.', error: true });
    setBusy(true);
    try {
      const file = await client.send({ type: 'ui:export-for-apps', password, format });
      platform.downloadText(file.fileName, file.fileText);
      setNote({
        text: `Saved ${file.fileName} (${file.accounts} accounts). Import it into the other app, then delete the file.`,
        error: false,
      });
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
      <h3 id="export-apps-title">Export for another app</h3>
      <p class="warn" data-testid="export-warning">
        This file holds every secret in plain text. Anyone who gets it can make your codes. Save it only to move to
        another app, never to a shared or synced folder, and delete it right after the import.
      </p>
      <fieldset>
        <legend>Format</legend>
        {FORMATS.map((item) => (
          <label key={item.id}>
            <input type="radio" name="export-format" checked={format === item.id} onChange={() => setFormat(item.id)} />{' '}
            {item.label} <span class="hint">{item.hint}</span>
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.currentTarget.checked)} /> I
        understand the file is not encrypted
      </label>
      <label for="export-apps-password">Vault password</label>
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
        Export without encryption
      </button>
    </form>
  );
}
